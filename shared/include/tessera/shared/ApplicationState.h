#pragma once
// The life of an identity-verification application and the moves between its states.
// The server enforces these moves; the reviewer workstation uses them to decide which
// actions to offer. Both read the same table, so they cannot disagree.
#include <array>
#include <optional>
#include <span>
#include <string_view>

#include "tessera/shared/Result.h"

namespace tessera {

enum class ApplicationState {
    Draft,      // the citizen is still adding evidence
    Submitted,  // waiting in the review queue
    InReview,   // claimed by a reviewer
    Approved,
    Rejected,
    Flagged,    // needs a senior reviewer
    Withdrawn,  // the citizen took it back
    Expired     // left too long, or its evidence has expired
};

inline constexpr std::array<ApplicationState, 8> kAllApplicationStates{
    ApplicationState::Draft,    ApplicationState::Submitted, ApplicationState::InReview,
    ApplicationState::Approved, ApplicationState::Rejected,  ApplicationState::Flagged,
    ApplicationState::Withdrawn, ApplicationState::Expired};

// Stable names used in the API and the database: "draft", "in_review", ...
std::string_view toString(ApplicationState state);
std::optional<ApplicationState> applicationStateFromString(std::string_view name);

// The states `from` may move to directly. Staying in the same state is not a move.
std::span<const ApplicationState> allowedTransitions(ApplicationState from);
bool canTransition(ApplicationState from, ApplicationState to);

// ok() when the move is allowed; otherwise a Conflict error "invalid_state_transition"
// whose message names both states.
Status checkTransition(ApplicationState from, ApplicationState to);

// True once the outcome is settled: approved, rejected, withdrawn, expired. An approved
// application can still expire when its evidence does, but is never reviewed again.
bool isTerminal(ApplicationState state);

}  // namespace tessera
