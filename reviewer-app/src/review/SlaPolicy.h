#pragma once
// The service level for the queue: how long a case may wait from submission before a decision.
// The server sends its target (setting review.sla_hours) with each page of the queue; 48 hours
// until then. A case is on time, due soon (past the warning share of the target) or overdue.
// Decided cases have no service level.
#include <QColor>
#include <QString>

#include "tessera/shared/ApplicationState.h"

namespace tessera::reviewer {

enum class SlaLevel { NotApplicable, OnTime, DueSoon, Overdue };

struct SlaPolicy {
    qint64 targetSeconds = 48 * 3600;  // from submission to decision
    double warnShare = 0.75;           // "due soon" from this share of the target on

    SlaLevel levelOf(ApplicationState state, qint64 ageSeconds) const;
    // Seconds left before the target (negative once overdue).
    qint64 remaining(qint64 ageSeconds) const { return targetSeconds - ageSeconds; }
};

// A cell background for the level (with dark text, readable in light and dark themes) and
// the words that say the same for people who do not see the colour.
QColor slaColour(SlaLevel level);
QString slaText(SlaLevel level, qint64 remainingSeconds);

}  // namespace tessera::reviewer
