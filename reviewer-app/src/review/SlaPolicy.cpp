#include "review/SlaPolicy.h"

#include "review/ReviewLabels.h"

namespace tessera::reviewer {

SlaLevel SlaPolicy::levelOf(ApplicationState state, qint64 ageSeconds) const {
    const bool waiting = state == ApplicationState::Submitted || state == ApplicationState::InReview ||
                         state == ApplicationState::Flagged;
    if (!waiting || targetSeconds <= 0) return SlaLevel::NotApplicable;
    if (ageSeconds >= targetSeconds) return SlaLevel::Overdue;
    if (static_cast<double>(ageSeconds) >= warnShare * static_cast<double>(targetSeconds)) return SlaLevel::DueSoon;
    return SlaLevel::OnTime;
}

QColor slaColour(SlaLevel level) {
    switch (level) {
        case SlaLevel::OnTime: return QColor(0xd7, 0xf0, 0xd4);
        case SlaLevel::DueSoon: return QColor(0xff, 0xe5, 0xa8);
        case SlaLevel::Overdue: return QColor(0xf6, 0xc1, 0xc1);
        case SlaLevel::NotApplicable: break;
    }
    return {};
}

QString slaText(SlaLevel level, qint64 remainingSeconds) {
    switch (level) {
        case SlaLevel::OnTime: return ReviewLabels::tr("On time (%1 left)").arg(ReviewLabels::duration(remainingSeconds));
        case SlaLevel::DueSoon: return ReviewLabels::tr("Due soon (%1 left)").arg(ReviewLabels::duration(remainingSeconds));
        case SlaLevel::Overdue: return ReviewLabels::tr("Overdue by %1").arg(ReviewLabels::duration(-remainingSeconds));
        case SlaLevel::NotApplicable: break;
    }
    return {};
}

}  // namespace tessera::reviewer
