package org.masthead.content;

import java.util.List;

/**
 * One page of a longer list.
 *
 * @param number the page number, from 1
 * @param totalItems how many items the whole list has
 */
public record Page<T>(List<T> items, int number, int size, long totalItems) {

	/** How many pages the list fills (at least 1). */
	public int totalPages() {
		return (int) Math.max(1, (totalItems + size - 1) / size);
	}

	public boolean hasNext() {
		return number < totalPages();
	}

	public boolean hasPrevious() {
		return number > 1;
	}

}
