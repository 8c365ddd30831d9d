import GSLCore

// Method names in a spec file: a wrong one is refused with the accepted names and the closest one.
extension ImputeMethod: ConfigEnumeration {}
extension NormaliseMethod: ConfigEnumeration {}
extension WeightMethod: ConfigEnumeration {}
extension AggregationMethod: ConfigEnumeration {}
extension TreatFallback: ConfigEnumeration {}
