/// Prompts opened by a key (`t` -> `:tag `, `S` -> `:set `, `e` -> `:export`) keep their command
/// word: Backspace stops at the start of the argument and Ctrl-U clears only the argument, so the
/// hint beside the prompt ("tags the selected row ...") is always about what Enter will run. A
/// new-user trial found `t` then Backspace x5 left `:_` beside "tags the selected row", and
/// `set status dismissed` typed there set the status.
enum PromptLock {
    /// Opens the `:` prompt with `command` as its locked command word (`tag `; `export` for a
    /// whole command that takes no argument) and `completions` shown beneath.
    static func open(_ s: inout AppState, _ command: String, completions: [String] = []) {
        s.overlay = .commandLine(text: command, completions: completions)
        s.promptLock = command
    }

    /// The locked part of `text`, or "" when the prompt has no lock (or the text left it).
    static func locked(_ s: AppState, _ text: String) -> String {
        !s.promptLock.isEmpty && text.hasPrefix(s.promptLock) ? s.promptLock : ""
    }

    /// True when Backspace would eat into the locked command word.
    static func backspaceBlocked(_ s: AppState, _ text: String) -> Bool {
        let lock = locked(s, text)
        return !lock.isEmpty && text.count <= lock.count
    }

    /// True when the prompt is a whole command (`export`, `undo`) that takes no typed text.
    static func takesNoText(_ s: AppState, _ text: String) -> Bool {
        let lock = locked(s, text)
        return !lock.isEmpty && !lock.hasSuffix(" ")
    }
}
