//! Management reviews (9.3): when, who, each input discussed, what was decided and changed, and
//! the actions raised, which the next review follows up.

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

use super::names::named_enum;

named_enum! {
    /// The topics a review is expected to cover (our own names, in alphabetical order).
    pub enum ReviewTopic {
        AuditResults = "audit_results",
        ContextChanges = "context_changes",
        Feedback = "feedback",
        Improvement = "improvement",
        Measurements = "measurements",
        Nonconformities = "nonconformities",
        Objectives = "objectives",
        PartyNeeds = "party_needs",
        PreviousActions = "previous_actions",
        RiskResults = "risk_results",
    }
}

/// One input of a review and what was said about it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ReviewInput {
    pub topic: ReviewTopic,
    /// What was discussed; empty means it was not.
    pub discussion: String,
}

named_enum! {
    pub enum ActionStatus {
        Open = "open",
        Done = "done",
        Dropped = "dropped",
    }
}

/// An action a review raised.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ReviewAction {
    /// `MR-001.1`, …: the review's id, a dot, a number.
    pub id: String,
    pub text: String,
    pub owner: String,
    pub due: Option<NaiveDate>,
    pub status: ActionStatus,
}

/// One management review.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ManagementReview {
    /// `MR-001`, …
    pub id: String,
    pub date: NaiveDate,
    pub chair: String,
    pub attendees: Vec<String>,
    pub inputs: Vec<ReviewInput>,
    pub decisions: Vec<String>,
    /// Changes to the ISMS that were agreed.
    pub changes: Vec<String>,
    pub actions: Vec<ReviewAction>,
    /// Ids of earlier reviews' actions this review followed up.
    pub followed_up: Vec<String>,
}

impl ManagementReview {
    /// The topics with no discussion recorded.
    pub fn undiscussed(&self) -> Vec<ReviewTopic> {
        ReviewTopic::ALL
            .iter()
            .copied()
            .filter(|topic| {
                !self
                    .inputs
                    .iter()
                    .any(|i| i.topic == *topic && !i.discussion.trim().is_empty())
            })
            .collect()
    }
}
