package io.lambdaretail.generate;

/**
 * Who is browsing in one session.
 *
 * @param user user index, or -1 for an anonymous visitor
 * @param userId the {@code user_id}, null for an anonymous visitor
 * @param browserId the {@code browser_id}
 * @param sessionId the {@code session_id}, null when the tracker did not send one
 * @param device an extra key some trackers add, null when absent
 */
record Session(int user, String userId, String browserId, String sessionId, String device) {

  boolean anonymous() {
    return user < 0;
  }
}
