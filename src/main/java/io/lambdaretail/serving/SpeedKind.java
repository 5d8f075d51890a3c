package io.lambdaretail.serving;

/** What a speed-layer key stands for, and so which serving table its state feeds. */
enum SpeedKind {
  /** A product's clock hour: item_activity_by_hour. */
  ACTIVITY,
  /** A category's trend window: trending_categories. */
  TREND,
  /** A visitor's sessions: sessions_by_user. */
  SESSION,
  /** A deal's latest version: deals_by_category. */
  DEAL
}
