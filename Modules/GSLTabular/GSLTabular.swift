/// Namespace of the GSLTabular module.
public enum GSLTabular {}
