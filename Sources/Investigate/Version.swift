public enum InvestigateVersion { public static let string = "0.1.0" }
