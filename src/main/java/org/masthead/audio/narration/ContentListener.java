package org.masthead.audio.narration;

import java.time.Clock;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import com.github.kagkarlsson.scheduler.SchedulerClient;
import com.github.kagkarlsson.scheduler.task.TaskInstanceId;

import org.masthead.content.ContentEvents.ArticleNoteAdded;
import org.masthead.content.ContentEvents.ArticlePublished;
import org.masthead.content.ContentEvents.ArticleUnpublished;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;
import org.springframework.transaction.event.TransactionalEventListener;

/**
 * Hears content changes after they commit and records, in one small write, that the article's
 * narration must be looked at; the narration job does the rest. Publishing never waits for audio,
 * and never fails because of it: a problem here is logged, not thrown.
 */
@Component
class ContentListener {

	private static final Logger log = LoggerFactory.getLogger(ContentListener.class);

	private final NarrationRepository narrations;

	private final Clock clock;

	private final ObjectProvider<SchedulerClient> scheduler;

	ContentListener(NarrationRepository narrations, Clock clock, ObjectProvider<SchedulerClient> scheduler) {
		this.narrations = narrations;
		this.clock = clock;
		this.scheduler = scheduler;
	}

	/**
	 * Moves the narration job's next run to now instead of its next poll. When it is running
	 * already, it looks at new articles between narrations anyway.
	 */
	private void nudge() {
		try {
			scheduler.ifAvailable(client -> client.reschedule(TaskInstanceId.of(NarrationJobs.TASK, "recurring"), clock.instant()));
		}
		catch (RuntimeException ex) {
			log.debug("Narration job not moved forward: {}", ex.toString());
		}
	}

	@TransactionalEventListener(fallbackExecution = true)
	void on(ArticlePublished event) {
		try {
			narrations.articlePublished(event.articleId(), event.slug(), clock.instant());
			nudge();
		}
		catch (RuntimeException ex) {
			log.warn("Could not queue the narration of article {}: {}", event.articleId(), ex.toString());
		}
	}

	@TransactionalEventListener(fallbackExecution = true)
	void on(ArticleNoteAdded event) {
		try {
			if (narrations.requestRefresh(event.articleId(), false, clock.instant())) {
				nudge();
			}
		}
		catch (RuntimeException ex) {
			log.warn("Could not queue the narration of article {}: {}", event.articleId(), ex.toString());
		}
	}

	@TransactionalEventListener(fallbackExecution = true)
	void on(ArticleUnpublished event) {
		try {
			narrations.articleUnpublished(event.articleId(), clock.instant());
		}
		catch (RuntimeException ex) {
			log.warn("Could not note that article {} was unpublished: {}", event.articleId(), ex.toString());
		}
	}

}
