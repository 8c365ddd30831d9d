/// Namespace of the GSLIndexScoring module.
public enum GSLIndexScoring {}
