extension Academy {
  /// Whether `actor` may revoke the certificate of `holder` (see `Authorization`: an admin
  /// always; a manager of one of the holder's cohorts; nobody their own).
  public func mayRevokeCertificate(actor: User, holderID: String) throws -> Bool {
    try may(actor, .revokeCertificate, .learner(holderID))
  }
}
