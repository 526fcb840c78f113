package org.masthead.platform;

import java.io.IOException;
import java.nio.channels.Channels;
import java.nio.channels.SeekableByteChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Optional;
import java.util.OptionalLong;

/** Media under a folder of the data directory, written atomically through a temporary file. */
final class LocalMediaStorage implements MediaStorage {

	private final Path root;

	LocalMediaStorage(Path root) {
		this.root = root.toAbsolutePath().normalize();
	}

	@Override
	public void put(String key, byte[] bytes) throws IOException {
		Path target = resolve(key).orElseThrow(() -> new IllegalArgumentException("Invalid media key: " + key));
		Files.createDirectories(target.getParent());
		Path tmp = Files.createTempFile(target.getParent(), ".upload", ".tmp");
		Files.write(tmp, bytes);
		Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
	}

	@Override
	public Optional<StoredMedia> get(String key) throws IOException {
		Optional<Path> path = resolve(key);
		if (path.isEmpty() || !Files.isRegularFile(path.get())) {
			return Optional.empty();
		}
		return Optional.of(new StoredMedia(Files.size(path.get()), Files.newInputStream(path.get())));
	}

	@Override
	public Optional<StoredMedia> get(String key, long offset, long length) throws IOException {
		if (offset < 0 || length < 0) {
			throw new IllegalArgumentException("Negative range " + offset + "+" + length);
		}
		Optional<Path> path = resolve(key);
		if (path.isEmpty() || !Files.isRegularFile(path.get())) {
			return Optional.empty();
		}
		SeekableByteChannel channel = Files.newByteChannel(path.get());
		long size = channel.size();
		long available = Math.max(0, Math.min(length, size - offset));
		channel.position(Math.min(offset, size));
		return Optional.of(new StoredMedia(available, new BoundedInputStream(Channels.newInputStream(channel), available)));
	}

	@Override
	public OptionalLong length(String key) throws IOException {
		Optional<Path> path = resolve(key);
		if (path.isEmpty() || !Files.isRegularFile(path.get())) {
			return OptionalLong.empty();
		}
		return OptionalLong.of(Files.size(path.get()));
	}

	private Optional<Path> resolve(String key) {
		if (!MediaStorage.isValidKey(key)) {
			return Optional.empty();
		}
		Path path = root.resolve(key).normalize();
		return path.startsWith(root) ? Optional.of(path) : Optional.empty();
	}

}
