#include "tessera/shared/ApplicationState.h"

#include <algorithm>
#include <string>

namespace tessera {
namespace {

using S = ApplicationState;

struct StateInfo {
    std::string_view name;
    std::span<const S> next;
    bool terminal;
};

constexpr std::array kFromDraft{S::Submitted, S::Withdrawn};
constexpr std::array kFromSubmitted{S::InReview, S::Withdrawn, S::Expired};
// Back to Submitted: the reviewer releases the case to the queue unfinished.
constexpr std::array kFromInReview{S::Approved, S::Rejected, S::Flagged, S::Submitted};
constexpr std::array kFromFlagged{S::InReview, S::Approved, S::Rejected};
// Evidence has a validity period; when it lapses the approval lapses with it.
constexpr std::array kFromApproved{S::Expired};

// Indexed by the enum's value, in declaration order.
constexpr std::array<StateInfo, kAllApplicationStates.size()> kStateInfo{{
    {"draft", kFromDraft, false},
    {"submitted", kFromSubmitted, false},
    {"in_review", kFromInReview, false},
    {"approved", kFromApproved, true},
    {"rejected", {}, true},
    {"flagged", kFromFlagged, false},
    {"withdrawn", {}, true},
    {"expired", {}, true},
}};

const StateInfo& infoFor(S state) { return kStateInfo[static_cast<std::size_t>(state)]; }

}  // namespace

std::string_view toString(ApplicationState state) { return infoFor(state).name; }

std::optional<ApplicationState> applicationStateFromString(std::string_view name) {
    for (S state : kAllApplicationStates)
        if (infoFor(state).name == name) return state;
    return std::nullopt;
}

std::span<const ApplicationState> allowedTransitions(ApplicationState from) { return infoFor(from).next; }

bool canTransition(ApplicationState from, ApplicationState to) {
    const auto next = allowedTransitions(from);
    return std::find(next.begin(), next.end(), to) != next.end();
}

Status checkTransition(ApplicationState from, ApplicationState to) {
    if (canTransition(from, to)) return Status::success();
    std::string message = "A verification application cannot move from '";
    message += toString(from);
    message += "' to '";
    message += toString(to);
    message += "'.";
    return Error::conflict("invalid_state_transition", std::move(message));
}

bool isTerminal(ApplicationState state) { return infoFor(state).terminal; }

}  // namespace tessera
