import Crypto

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// A source file as a fingerprint sees it: its size, optionally its modification and change
/// times and its identity (device and inode), and the
/// bytes of its first and last `edgeBytes`, fed to a hasher. Shared by the snapshot key (which
/// takes the times and identity, so a rewritten file misses) and a case's source (which does not, so a copy of
/// the same files is the same source). Opened without blocking and read only when it is a regular
/// file, so a FIFO or a device put in a file's place cannot hang it.
enum SourceFileEdges {
    /// Hashes `path`'s size, time and edges into `hasher`; false (after hashing part of them) when
    /// it cannot be opened or read, or is not a regular file.
    static func add(_ path: String, edgeBytes: Int, modificationTime: Bool, to hasher: inout SHA256) -> Bool {
        let fd = open(path, O_RDONLY | O_NONBLOCK | O_CLOEXEC)
        guard fd >= 0 else { return false }
        defer { close(fd) }
        var info = stat()
        guard fstat(fd, &info) == 0, info.st_mode & S_IFMT == S_IFREG else { return false }
        let size = Int(info.st_size)
        var fields = ByteWriter()
        fields.u64(UInt64(size))
        if modificationTime {
            // The modification time can be set back (`touch -r`, `cp -p`, `rsync -t`) after an
            // edit that keeps the size and both ends; the change time cannot (setting the
            // modification time sets it), and a copied file is a new inode. So a file changed in
            // its middle, its times restored, still misses.
            #if canImport(Glibc)
                fields.u64(UInt64(bitPattern: Int64(info.st_mtim.tv_sec)))
                fields.u64(UInt64(bitPattern: Int64(info.st_mtim.tv_nsec)))
                fields.u64(UInt64(bitPattern: Int64(info.st_ctim.tv_sec)))
                fields.u64(UInt64(bitPattern: Int64(info.st_ctim.tv_nsec)))
            #else
                fields.u64(UInt64(bitPattern: Int64(info.st_mtimespec.tv_sec)))
                fields.u64(UInt64(bitPattern: Int64(info.st_mtimespec.tv_nsec)))
                fields.u64(UInt64(bitPattern: Int64(info.st_ctimespec.tv_sec)))
                fields.u64(UInt64(bitPattern: Int64(info.st_ctimespec.tv_nsec)))
            #endif
            fields.u64(UInt64(truncatingIfNeeded: info.st_dev))
            fields.u64(UInt64(truncatingIfNeeded: info.st_ino))
        }
        hasher.update(data: fields.data)
        let head = min(size, edgeBytes)
        let tailStart = max(head, size - edgeBytes)
        return SnapshotRawIO.readArray(UInt8.self, fd: fd, offset: 0, count: head, fileSize: size, hasher: &hasher) != nil
            && SnapshotRawIO.readArray(UInt8.self, fd: fd, offset: tailStart, count: size - tailStart, fileSize: size, hasher: &hasher) != nil
    }
}
