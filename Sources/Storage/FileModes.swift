import Foundation

#if canImport(Glibc)
  import Glibc
#endif

/// Who may read the data on disk: the database holds personal data (names, answers,
/// demographics), so its directory is 0700 and its files 0600, whatever the umask.
public enum FileModes {
  public static let privateDirectory: mode_t = 0o700
  public static let privateFile: mode_t = 0o600

  /// Creates `path` (and parents) as a private directory, or tightens an existing one that
  /// others could read. Returns a sentence for the operator when it had to tighten one.
  @discardableResult
  public static func prepareDataDirectory(_ path: String) throws -> String? {
    var st = stat()
    guard stat(path, &st) == 0 else {
      try FileManager.default.createDirectory(
        atPath: path, withIntermediateDirectories: true,
        attributes: [.posixPermissions: Int(privateDirectory)])
      // The umask may have narrowed the mode further, never widened it; chmod anyway.
      _ = chmod(path, privateDirectory)
      return nil
    }
    let mode = st.st_mode & 0o777
    guard mode & 0o077 != 0 else { return nil }
    guard chmod(path, privateDirectory) == 0 else {
      return "warning: \(path) is readable by others (mode \(String(mode, radix: 8))) and "
        + "could not be changed to 0700 (errno \(errno))"
    }
    return "note: \(path) was readable by others (mode \(String(mode, radix: 8))); now 0700"
  }

  /// Creates an empty file at `path` with mode 0600 if none exists, so SQLite (which gives
  /// its -wal and -shm the main file's mode) never creates a world-readable one.
  static func createPrivateFile(_ path: String) {
    let fd = open(path, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, privateFile)
    if fd >= 0 { _ = close(fd) }
  }

  /// The database and the files SQLite keeps beside it: 0600 if they exist (older data
  /// directories were created 0644).
  static func tightenDatabaseFiles(_ path: String) {
    for p in [path, path + "-wal", path + "-shm", path + "-journal"] {
      var st = stat()
      if stat(p, &st) == 0, st.st_mode & 0o077 != 0 { _ = chmod(p, privateFile) }
    }
  }
}
