/// Line editing in a text prompt (`:`, `/`, `f`): the cursor moves with Left/Right, Home/End
/// (and Ctrl-A/Ctrl-E, Ctrl-B/Ctrl-F), typed and pasted text goes in at the cursor, Backspace
/// deletes before it, Delete at it, Ctrl-K to the end. A new-user trial could not read back a
/// note longer than the prompt line: only its tail showed and the only edit was Backspace.
///
/// The cursor is kept as the number of characters after it (`AppState.promptTail`), so a prompt
/// opened or rewritten anywhere (Tab's completion, a refused line reopened) has it at the end.
/// A locked command word (`tag `, see `PromptLock`) is never entered by the cursor.
enum PromptEditing {
    /// What one key did to the text, or nil when the key is not an editing key.
    enum Outcome: Equatable {
        /// The cursor moved; the text is as it was.
        case moved
        /// The text changed.
        case edited(String)
        /// The key does nothing here (the cursor is at the end it moves towards).
        case ignored
    }

    /// The cursor's index in `text`'s characters for a tail of `tail` characters after it.
    static func cursor(_ text: String, tail: Int) -> Int {
        let count = text.count
        return count - max(0, min(tail, count))
    }

    /// Applies `key` to `text` with the cursor `tail` characters before its end; `floor` is
    /// the first character the cursor may stand on (the end of a locked command word).
    /// Updates `tail` and returns what happened.
    static func apply(_ key: Key, to text: String, tail: inout Int, floor: Int) -> Outcome? {
        var characters = Array(text)
        let at = cursor(text, tail: tail)
        tail = characters.count - at
        switch key {
        case .left, .ctrl("b"):
            guard at > floor else { return .ignored }
            tail += 1
            return .moved
        case .right, .ctrl("f"):
            guard tail > 0 else { return .ignored }
            tail -= 1
            return .moved
        case .home, .ctrl("a"):
            guard at > floor else { return .ignored }
            tail = characters.count - floor
            return .moved
        case .end, .ctrl("e"):
            guard tail > 0 else { return .ignored }
            tail = 0
            return .moved
        case .delete:
            guard tail > 0, at >= floor else { return .ignored }
            characters.remove(at: at)
            tail -= 1
            return .edited(String(characters))
        case .ctrl("k"):
            guard tail > 0, at >= floor else { return .ignored }
            characters.removeSubrange(at...)
            tail = 0
            return .edited(String(characters))
        case .backspace:
            guard at > floor, at > 0 else { return .ignored }
            characters.remove(at: at - 1)
            return .edited(String(characters))
        case .char(let c):
            characters.insert(c, at: at)
            return .edited(String(characters))
        default:
            return nil
        }
    }
}
