package org.masthead.audio.narration;

import java.util.List;

import com.github.kagkarlsson.scheduler.task.helper.RecurringTask;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;
import com.github.kagkarlsson.scheduler.task.schedule.Schedules;

import org.masthead.audio.AudioProperties;
import org.masthead.audio.engine.FestivalEngine;
import org.masthead.audio.engine.FliteEngine;
import org.masthead.audio.engine.NarrationEngine;
import org.masthead.audio.engine.NarrationEngines;
import org.masthead.audio.engine.cloud.AzureEngine;
import org.masthead.audio.engine.cloud.ElevenLabsEngine;
import org.masthead.audio.engine.cloud.GoogleEngine;
import org.masthead.audio.engine.cloud.OpenAiEngine;
import org.masthead.audio.engine.cloud.PollyEngine;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The narration job (db-scheduler, so it runs on exactly one node at a time and survives
 * restarts: all its state is in the {@code narration} tables) and the engines it may use.
 */
@Configuration(proxyBeanMethods = false)
class NarrationJobs {

	/** The recurring job's name in {@code scheduled_tasks}. */
	static final String TASK = "narrations";

	@Bean
	RecurringTask<Void> narrations(NarrationWorker worker, AudioProperties properties) {
		return Tasks.recurring(TASK, Schedules.fixedDelay(properties.pollInterval()))
			.execute((instance, context) -> worker.run());
	}

	@Bean
	FestivalEngine festivalEngine(AudioProperties properties) {
		return new FestivalEngine(properties.commands().text2wave(), properties.commands().lame());
	}

	@Bean
	FliteEngine fliteEngine(AudioProperties properties) {
		return new FliteEngine(properties.commands().flite(), properties.commands().lame());
	}

	@Bean
	PollyEngine pollyEngine(AudioProperties properties) {
		return new PollyEngine(properties.polly(), properties.commands().lame());
	}

	@Bean
	GoogleEngine googleEngine(AudioProperties properties) {
		return new GoogleEngine(properties.google(), properties.commands().lame());
	}

	@Bean
	AzureEngine azureEngine(AudioProperties properties) {
		return new AzureEngine(properties.azure(), properties.commands().lame());
	}

	@Bean
	ElevenLabsEngine elevenLabsEngine(AudioProperties properties) {
		return new ElevenLabsEngine(properties.elevenlabs(), properties.commands().lame());
	}

	@Bean
	OpenAiEngine openAiEngine(AudioProperties properties) {
		return new OpenAiEngine(properties.openai(), properties.commands().lame());
	}

	@Bean
	NarrationEngines narrationEngines(List<NarrationEngine> engines, AudioProperties properties) {
		return new NarrationEngines(engines, properties.fallbackVoice());
	}

}
