/// Namespace of the GSLCore module.
public enum GSLCore {}
