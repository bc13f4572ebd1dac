#include "core/review/CaseNotes.h"

#include "core/review/ReviewText.h"
#include "core/review/ReviewerAccess.h"

namespace tessera::core {

Result<CaseEvent> CaseNotes::add(const std::string& caseId, const std::string& text, const Actor& reviewer) {
    if (auto rank = reviewerRank(ctx_, reviewer.accountId); !rank) return rank.error();
    auto note = checkReviewText(text, "note", kNoteMaxChars, true);
    if (!note) return note.error();
    return ctx_.db.transaction<CaseEvent>([&](Poco::Data::Session& s) -> Result<CaseEvent> {
        auto a = store_.find(s, caseId);
        if (auto isCase = checkIsCase(a); !isCase) return isCase.error();
        if (auto free = checkNoConflictOfInterest(ctx_, s, *a, reviewer.accountId); !free) return free.error();
        const std::int64_t now = ctx_.clock.now();
        if (auto holds = checkHoldsClaim(*a, reviewer.accountId, now); !holds) return holds.error();
        CaseEvent e;
        e.applicationId = a->id;
        e.at = now;
        e.actor = reviewer.accountId;
        e.event = "note";
        e.note = *note;
        if (auto appended = store_.appendEvent(s, e); !appended) return appended.error();
        if (auto audited = ctx_.audit.append(s, {"review.note_added", reviewer.accountId, a->id,
                                                 reviewer.clientAddress, {}});
            !audited)
            return audited.error();
        return e;
    });
}

}  // namespace tessera::core
