/**
 * Audio: narrations of published articles (made by background jobs on a local engine or a cloud
 * voice), the pronunciation lexicon, the player's data and the podcast feed. Other modules read
 * through {@link org.masthead.audio.Narrations} and hear {@link org.masthead.audio.NarrationReady}.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Audio")
package org.masthead.audio;
