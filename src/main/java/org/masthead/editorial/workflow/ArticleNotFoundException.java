package org.masthead.editorial.workflow;

/** No article with this id. */
public class ArticleNotFoundException extends RuntimeException {

	public ArticleNotFoundException(long id) {
		super("There is no article " + id + ".", null, false, false);
	}

}
