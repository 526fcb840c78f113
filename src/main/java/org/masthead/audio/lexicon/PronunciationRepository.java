package org.masthead.audio.lexicon;

import java.util.List;
import java.util.Locale;
import java.util.Optional;

import org.masthead.platform.Ids;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Transactional;

/** The {@code pronunciation} table: the lexicon the newsroom edits. */
@Repository
@Transactional
public class PronunciationRepository {

	private final JdbcClient jdbc;

	PronunciationRepository(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	@Transactional(readOnly = true)
	public Lexicon lexicon() {
		return new Lexicon(all());
	}

	@Transactional(readOnly = true)
	public List<Pronunciation> all() {
		return jdbc.sql("select id, word, respelling, phonemes from pronunciation order by word")
			.query((rs, n) -> new Pronunciation(rs.getLong("id"), rs.getString("word"), rs.getString("respelling"),
					rs.getString("phonemes")))
			.list();
	}

	@Transactional(readOnly = true)
	public Optional<Pronunciation> find(String word) {
		return jdbc.sql("select id, word, respelling, phonemes from pronunciation where word = :word")
			.param("word", word.strip().toLowerCase(Locale.ROOT))
			.query((rs, n) -> new Pronunciation(rs.getLong("id"), rs.getString("word"), rs.getString("respelling"),
					rs.getString("phonemes")))
			.optional();
	}

	/** Adds a word or replaces its entry. Values must have passed the {@link Pronunciation} checks. */
	public Pronunciation save(String word, String respelling, String phonemes) {
		String w = word.strip().toLowerCase(Locale.ROOT);
		String ph = phonemes == null || phonemes.isBlank() ? null : phonemes.strip().toLowerCase(Locale.ROOT).replaceAll("\\s+", " ");
		if (Pronunciation.checkWord(w) != null || Pronunciation.checkRespelling(respelling) != null
				|| Pronunciation.checkPhonemes(ph) != null) {
			throw new IllegalArgumentException("Invalid pronunciation for " + w);
		}
		Optional<Pronunciation> existing = find(w);
		if (existing.isPresent()) {
			jdbc.sql("update pronunciation set respelling = :respelling, phonemes = :phonemes where id = :id")
				.param("respelling", respelling.strip()).param("phonemes", ph).param("id", existing.get().id())
				.update();
			return new Pronunciation(existing.get().id(), w, respelling.strip(), ph);
		}
		long id = Ids.next();
		jdbc.sql("insert into pronunciation (id, word, respelling, phonemes) values (:id, :word, :respelling, :phonemes)")
			.param("id", id).param("word", w).param("respelling", respelling.strip()).param("phonemes", ph)
			.update();
		return new Pronunciation(id, w, respelling.strip(), ph);
	}

	public boolean delete(long id) {
		return jdbc.sql("delete from pronunciation where id = :id").param("id", id).update() == 1;
	}

}
