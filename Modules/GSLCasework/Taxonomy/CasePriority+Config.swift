import GSLCore

// A wrong priority in the settings file is refused with the accepted values and the closest one.
extension CasePriority: ConfigEnumeration {}
