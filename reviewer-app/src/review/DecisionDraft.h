#pragma once
// A reviewer's decision before it is sent: what they chose, the coded reason (shared/
// DecisionReason.h) and their words. Checked here with the server's own rules so the dialog
// can say what is missing before anything leaves the workstation.
#include <QString>

#include <optional>

#include "tessera/shared/DecisionReason.h"

namespace tessera::reviewer {

// The server's limits on the reviewer's words (server/src/core/review/ReviewText.h), in characters.
inline constexpr qsizetype kCitizenMessageMaxChars = 1000;
inline constexpr qsizetype kNoteMaxChars = 4000;

struct DecisionDraft {
    ReviewDecision decision = ReviewDecision::Approve;
    std::optional<DecisionReason> reason;
    QString messageToCitizen;  // a rejection: what the citizen reads
    QString note;              // a flag: for the senior reviewer
};

// Empty when the draft can be sent; otherwise one sentence saying what to fix.
QString draftProblem(const DecisionDraft& draft);

}  // namespace tessera::reviewer
