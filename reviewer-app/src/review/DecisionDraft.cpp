#include "review/DecisionDraft.h"

#include <QObject>

namespace tessera::reviewer {

QString draftProblem(const DecisionDraft& draft) {
    if (auto checked = checkDecisionReason(draft.decision, draft.reason); !checked)
        return QString::fromStdString(checked.error().message);
    if (draft.decision == ReviewDecision::Reject && draft.messageToCitizen.trimmed().isEmpty())
        return QObject::tr("Write a message telling the citizen why, and what they can do next.");
    if (draft.decision == ReviewDecision::Flag && draft.note.trimmed().isEmpty())
        return QObject::tr("Write a note for the senior reviewer.");
    if (draft.messageToCitizen.trimmed().toUcs4().size() > kCitizenMessageMaxChars)
        return QObject::tr("Shorten the message to the citizen to %1 characters or fewer.").arg(kCitizenMessageMaxChars);
    if (draft.note.trimmed().toUcs4().size() > kNoteMaxChars)
        return QObject::tr("Shorten the note to %1 characters or fewer.").arg(kNoteMaxChars);
    return {};
}

}  // namespace tessera::reviewer
