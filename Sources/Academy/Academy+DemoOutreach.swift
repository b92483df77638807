import Catalog
import Storage

extension Academy {
  /// After-training demo data: the engaged learners open the briefings meant for them,
  /// four in ten share them, and each logs a few posts over the last eight weeks, so the
  /// outreach report and its export have realistic volumes to show and to be timed on.
  /// Returns how many activity entries were written.
  func generateDemoOutreach(
    learners: [String], cohortOf: [String: (id: String, name: String)], now: Int64,
    rng: inout SplitMix64
  ) throws -> Int {
    let briefings = catalog.briefings
    let platforms: [Platform] = [.whatsapp, .facebook, .tiktok, .instagram, .youtube]
    let topics =
      briefings.map { Topic.briefing($0.slug) } + catalog.modules.map { .module($0.slug) }
    guard !topics.isEmpty else { return 0 }
    var written = 0
    let batch = 2_000
    var i = 0
    while i < learners.count {
      try database.write { c in
        for id in learners[i..<min(i + batch, learners.count)] {
          let k = cohortOf[id]
          for b in briefings
          where k.map({ b.isFor(cohortIDs: [$0.id], names: [$0.name]) }) ?? b.forEveryone {
            let read = b.date + Int64.random(in: 0...(3 * 86_400), using: &rng)
            try c.execute(
              "INSERT OR IGNORE INTO briefing_reads(user_id, briefing, read_at) VALUES (?,?,?)",
              [id, b.slug, read])
            if Int.random(in: 0..<10, using: &rng) < 4 {
              try c.execute(
                "INSERT INTO briefing_shares(id, user_id, briefing, platform, shared_at) VALUES (?,?,?,?,?)",
                [
                  RandomID.make(), id, b.slug,
                  platforms[Int.random(in: 0..<platforms.count, using: &rng)].rawValue, read + 600,
                ])
            }
          }
          for _ in 0..<Int.random(in: 0...4, using: &rng) {
            let day = (now - now % 86_400) - Int64.random(in: 0...55, using: &rng) * 86_400
            let reach = Int.random(in: 50...5_000, using: &rng)
            try c.execute(
              """
              INSERT INTO activity_log(id, user_id, day, kind, platform, topic, reach, reactions,
                comments, shares, questions, referrals, created_at, updated_at)
              VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?)
              """,
              [
                RandomID.make(), id, day, Int.random(in: 0..<5, using: &rng) == 0 ? "live" : "post",
                platforms[Int.random(in: 0..<platforms.count, using: &rng)].rawValue,
                topics[Int.random(in: 0..<topics.count, using: &rng)].rawValue, reach,
                reach / 20, reach / 100, reach / 200, Int.random(in: 0...5, using: &rng),
                Int.random(in: 0...20, using: &rng) == 0 ? 1 : 0, day + 3_600, day + 3_600,
              ])
            written += 1
          }
        }
      }
      i += batch
    }
    return written
  }
}
