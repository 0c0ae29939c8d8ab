package com.govfeedback.feedback.view;

import java.util.List;

/** One page of a listing; {@code nextCursor} is null on the last page. */
public record FeedbackPage(List<FeedbackView> items, String nextCursor) {
}
