package org.masthead.audio.engine;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Every engine this installation knows, and the choice of one for a voice: the voice's own engine
 * when it can run here, else the fallback voice's (flite when Festival is missing), else a
 * narration waits and the newsroom is told what to install.
 */
public class NarrationEngines {

	private final Map<String, NarrationEngine> engines = new LinkedHashMap<>();

	private final Voice fallback;

	public NarrationEngines(List<NarrationEngine> engines, String fallbackVoice) {
		engines.forEach(engine -> this.engines.put(engine.name(), engine));
		this.fallback = fallbackVoice == null || fallbackVoice.isBlank() ? null : Voice.parse(fallbackVoice);
	}

	public Optional<NarrationEngine> engine(String name) {
		return Optional.ofNullable(engines.get(name));
	}

	public List<NarrationEngine> all() {
		return List.copyOf(engines.values());
	}

	/** Who speaks for a voice right now. */
	public Choice choose(Voice voice) {
		NarrationEngine engine = engines.get(voice.engine());
		if (engine == null) {
			return new Choice(null, voice, null, "There is no engine called " + voice.engine() + " (known: "
					+ String.join(", ", engines.keySet()) + ")");
		}
		Installation installation = engine.installation(voice);
		if (installation.isReady()) {
			return new Choice(engine, voice, null, null);
		}
		if (fallback != null && !fallback.engine().equals(voice.engine())) {
			NarrationEngine other = engines.get(fallback.engine());
			if (other != null && other.installation(fallback).isReady()) {
				return new Choice(other, fallback, null, null);
			}
		}
		return new Choice(null, voice, installation.remedy(), null);
	}

	/**
	 * @param engine who speaks, or null
	 * @param voice the voice spoken with (the fallback's when it stands in)
	 * @param remedy what to install when nobody can speak yet
	 * @param impossible why this voice can never work (then the narration fails)
	 */
	public record Choice(NarrationEngine engine, Voice voice, String remedy, String impossible) {

		public boolean isReady() {
			return engine != null;
		}

	}

}
