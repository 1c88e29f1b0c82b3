/// Non-ASCII prompts for generated sources (`investigate generate --escape-unicode`): every
/// account opens its prompts with a greeting in another script, and half of the lines write
/// it with non-ASCII characters `\u` escaped (as some API log writers do), the other half as
/// plain UTF-8. Both halves decode to the same prompt text, so the escaping only costs the
/// loader, never changes what it loads.
enum SyntheticUnicode {
    /// Greetings in several scripts (two of them outside the Basic Multilingual Plane, written
    /// as surrogate pairs when escaped).
    static let greetings = [
        "Bonjour, s’il vous plaît :", "Здравствуйте, пожалуйста:", "こんにちは、お願いします：", "Grüß Gott, bitte schön:",
        "¡Hola! ¿Podrías ayudarme?", "مرحبا، من فضلك:", "你好，请帮我：", "Γεια σας, παρακαλώ:", "नमस्ते, कृपया:",
        "Olá 👋 por favor:", "안녕하세요, 부탁합니다:", "Merhaba 😊 lütfen:",
    ]

    /// The prompt with the account's greeting in front.
    static func greeted(_ prompt: String, account: String) -> String {
        var hash: UInt64 = 0xCBF2_9CE4_8422_2325
        for byte in account.utf8 { hash = (hash ^ UInt64(byte)) &* 0x100_0000_01B3 }
        return greetings[Int(hash % UInt64(greetings.count))] + " " + prompt
    }

    /// A JSON string literal of `value` with every non-ASCII character written as `\u` escapes
    /// (a surrogate pair above U+FFFF), and control characters escaped as `JSONText` does.
    static func escapedJSON(_ value: String) -> String {
        var out = ""
        for scalar in JSONText.string(value).unicodeScalars {
            guard scalar.value >= 0x80 else {
                out.unicodeScalars.append(scalar)
                continue
            }
            for unit in String(scalar).utf16 {
                let hex = String(unit, radix: 16)
                out += "\\u" + String(repeating: "0", count: 4 - hex.count) + hex
            }
        }
        return out
    }
}
