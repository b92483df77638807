extension CatalogStore {
  /// How often `relais serve` looks for changed content files. A save must be served within
  /// 2 s, and a reload of the whole curriculum takes up to ~0.5 s on a busy small machine
  /// (debug build: 0.4 s CPU), so one second of polling plus the reload is too close to
  /// the limit. A poll only stats the content files (~130 of them): cheap at 4 per second.
  public static let reloadInterval = 0.25
}
