import GSLCore

extension GSLError.Cause {
    /// A year plan whose targets cannot hold together.
    public static let demoPlanInvalid = Self("demo.plan-invalid")
    /// Generating a year needs the reference divisions in the store.
    public static let demoNoDivisions = Self("demo.no-divisions")
}
