package org.masthead.audio.narration;

import java.time.Duration;
import java.util.Optional;

import org.masthead.audio.Narration;
import org.masthead.audio.Narrations;
import org.masthead.audio.narration.NarrationRepository.NarrationRow;
import org.springframework.stereotype.Service;

/** {@link Narrations} from the database. */
@Service
class JdbcNarrations implements Narrations {

	private final NarrationRepository narrations;

	JdbcNarrations(NarrationRepository narrations) {
		this.narrations = narrations;
	}

	@Override
	public Optional<Narration> readyFor(long articleId) {
		return narrations.playable(articleId).map(JdbcNarrations::narration);
	}

	@Override
	public long backlog() {
		return narrations.backlog();
	}

	static Narration narration(NarrationRow row) {
		return new Narration(row.articleId(), "/media/" + row.storageKey(),
				Duration.ofMillis(row.durationMs() == null ? 0 : row.durationMs()),
				row.byteSize() == null ? 0 : row.byteSize(), row.spokenBy() != null ? row.spokenBy() : row.voice(),
				row.readyAt());
	}

}
