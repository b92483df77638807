#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// A summary of every file under the content folders (path, size, modification time),
/// read with `stat` directly: the watcher takes one four times a second for as long as the
/// server runs, and Foundation's enumerator with resource values cost about a
/// hundred times more (several % of a core, measured under load).
enum ContentFingerprint {
  static func of(_ roots: [String]) -> String {
    var entries: [(path: String, size: Int64, seconds: Int, nanoseconds: Int)] = []
    for root in roots { walk(root, into: &entries) }
    entries.sort { $0.path < $1.path }
    var bytes: [UInt8] = []
    for e in entries {
      bytes.append(contentsOf: e.path.utf8)
      bytes.append(0)
      for v in [e.size, Int64(e.seconds), Int64(e.nanoseconds)] {
        withUnsafeBytes(of: v.littleEndian) { bytes.append(contentsOf: $0) }
      }
    }
    return ContentHash.of(bytes)
  }

  private static func walk(
    _ dir: String, into entries: inout [(path: String, size: Int64, seconds: Int, nanoseconds: Int)]
  ) {
    guard let d = opendir(dir) else { return }
    defer { closedir(d) }
    while let e = readdir(d) {
      let name = withUnsafeBytes(of: e.pointee.d_name) { raw in
        String(decoding: raw.prefix(while: { $0 != 0 }), as: UTF8.self)
      }
      if name == "." || name == ".." { continue }
      let path = dir + "/" + name
      var st = stat()
      guard lstat(path, &st) == 0 else { continue }
      let isLink = (st.st_mode & S_IFMT) == S_IFLNK
      if isLink && stat(path, &st) != 0 { continue }
      if (st.st_mode & S_IFMT) == S_IFDIR {
        // Folders reached through a link are not entered, so a link loop cannot recurse.
        if !isLink { walk(path, into: &entries) }
      } else {
        entries.append(
          (path, Int64(st.st_size), Int(st.st_mtim.tv_sec), Int(st.st_mtim.tv_nsec)))
      }
    }
  }
}
