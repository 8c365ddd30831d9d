enum StableBench { static func run(_ args: [String]) { Bench.fail("stable: not yet") } }
