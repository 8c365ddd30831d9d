/// Namespace of the GSLOptimize module.
public enum GSLOptimize {}
