/// Namespace of the GSLStore module.
public enum GSLStore {}
