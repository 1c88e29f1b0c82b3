#if canImport(Glibc)
import Glibc
#endif
import Foundation

/// Runs the console: feeds keys and background messages through `AppUpdate.update`, renders
/// with `RootView` and draws on a `Surface`, and performs the effects `update` asks for.
/// The same runner drives the real terminal and `investigate replay`.
final class ConsoleRunner {
    let surface: any Surface
    private(set) var state: AppState
    let inbox = Inbox()
    /// Sheets larger than this are filtered and searched on a background queue.
    var backgroundThreshold = 20_000
    /// Where case writes are persisted (nil: kept in memory only).
    var caseBackend: (any CaseBackend)?
    /// Case writes, exports and the case listing run here, one after another and never on the
    /// input thread: a store held by another process (busy timeout 5 s) cannot freeze the keys.
    let caseQueue = DispatchQueue(label: "investigate.case-store")

    init(surface: any Surface, state: AppState) {
        self.surface = surface
        var s = state
        s.size = surface.size
        s.glyphs = surface.glyphs
        self.state = s
    }

    /// Starts loading on a background thread; progress and the result arrive as messages.
    func startLoading(_ load: @escaping @Sendable (_ progress: @escaping (Double, String) -> Void) throws -> any ConsoleModel) {
        let inbox = self.inbox
        inbox.jobStarted()
        let thread = Thread {
            let throttle = ProgressThrottle()
            do {
                let model = try load { fraction, label in
                    if throttle.advanced(to: Int(fraction * 100)) {
                        inbox.post(.progress(fraction: fraction, label: label))
                    }
                }
                inbox.post(.loaded(ConsoleData(model: model)))
            } catch {
                inbox.post(.loadFailed("\(error)"))
            }
            inbox.jobFinished()
        }
        thread.stackSize = 8 << 20
        thread.start()
    }

    /// Applies one action and performs its effects.
    func dispatch(_ action: Action) {
        let step = AppUpdate.update(state, action)
        state = step.state
        if case .loaded(let data) = action { bindClusterMembers(data.model) }
        for effect in step.effects { perform(effect) }
    }

    /// Applies every pending background message; true when there were any.
    @discardableResult
    func drainInbox() -> Bool {
        let messages = inbox.drain()
        for message in messages { dispatch(message) }
        return !messages.isEmpty
    }

    /// Renders the state and draws it.
    func render() {
        surface.draw(RootView.render(state, size: surface.size, glyphs: surface.glyphs))
    }

    /// Handles one key from the surface (a resize re-reads the size).
    func handle(_ key: Key) {
        if key == .resize {
            dispatch(.resize(surface.size))
        } else {
            dispatch(.key(key))
        }
    }

    /// The interactive loop: never blocks for more than 50 ms, so background messages and
    /// termination signals are seen promptly. Keys typed ahead are applied before one redraw.
    func runInteractive() -> Int32 {
        render()
        while !state.quitting {
            if TerminationSignals.received != 0 { return 128 + TerminationSignals.received }
            var dirty = drainInbox()
            if let key = surface.nextKey(timeoutMilliseconds: 50) {
                dispatch(.clock(Self.timestamp()))
                handle(key)
                dirty = true
                var burst = 0
                while burst < 64, !state.quitting, let more = surface.nextKey(timeoutMilliseconds: 0) {
                    handle(more)
                    burst += 1
                }
            }
            if dirty && !state.quitting { render() }
        }
        return 0
    }

    /// Waits (for replay) until background jobs are done and their messages applied.
    func settle(timeoutSeconds: Double = 600) {
        let deadline = Date().addingTimeInterval(timeoutSeconds)
        while Date() < deadline {
            drainInbox()
            if inbox.pendingJobs == 0 {
                drainInbox()
                return
            }
            usleep(2000)
        }
    }

    static func timestamp() -> String {
        let formatter = ISO8601DateFormatter()
        return formatter.string(from: Date())
    }
}

/// Lets through one progress report per whole percent; the loader may report from several
/// worker threads at once.
final class ProgressThrottle: @unchecked Sendable {
    private let lock = NSLock()
    private var last = -1

    /// True when `percent` is past the last one let through.
    func advanced(to percent: Int) -> Bool {
        lock.lock()
        defer { lock.unlock() }
        guard percent > last else { return false }
        last = percent
        return true
    }
}
