package org.masthead.editorial.workflow;

import java.util.List;

/** Publishing (or scheduling) was refused because of these problems. */
public class PublishingBlockedException extends RuntimeException {

	private final List<PublishingCheck> problems;

	public PublishingBlockedException(List<PublishingCheck> problems) {
		super("The article cannot be published yet: " + String.join(" ", problems.stream().map(PublishingCheck::message).toList()));
		this.problems = List.copyOf(problems);
	}

	public List<PublishingCheck> problems() {
		return problems;
	}

}
