/// One search result: which entity, its key, its title and a snippet of the matching text.
public struct SearchHit: Sendable, Equatable {
    /// Entity type: `organisation`, `person`, `region`, or a module's own.
    public var entity: String
    /// The entity's key.
    public var entityID: String
    /// Its name.
    public var title: String
    /// Other indexed text.
    public var body: String
}
