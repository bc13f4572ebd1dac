#include "ui/ReviewDesk.h"

#include <QJsonDocument>

#include "client/OutboxSender.h"
#include "client/ReviewApi.h"
#include "review/CaseDetail.h"
#include "review/DecisionDraft.h"
#include "review/QueueFilter.h"
#include "review/QueueItem.h"
#include "review/QueueModel.h"
#include "review/ReviewLabels.h"
#include "review/StateCounts.h"
#include "ui/CaseView.h"
#include "ui/DecisionDialog.h"
#include "ui/QueueView.h"

namespace tessera::reviewer {

namespace {

// The review layer's filter as the API's selection (the same state list and evidence kind).
CaseSelection selectionOf(const QueueFilter& filter) {
    const QJsonObject body = filter.toClaimNextBody();
    CaseSelection selection;
    selection.states = body.value("state").toString().split(',', Qt::SkipEmptyParts);
    selection.evidence = body.value("evidence").toString();
    return selection;
}

QueueQuery queryOf(const QueueFilter& filter, const QString& after = {}) {
    QueueQuery query;
    query.filter = selectionOf(filter);
    query.limit = 100;
    query.after = after;
    return query;
}

Result<QueuePage> pageOf(const CasePage& page) {
    return parseQueuePage(QJsonObject{{"items", page.items},
                                      {"next", page.next.isEmpty() ? QJsonValue() : QJsonValue(page.next)},
                                      {"slaSeconds", page.slaSeconds}});
}

DecisionRequest requestOf(const DecisionDraft& draft) {
    DecisionRequest request;
    request.decision = QString::fromUtf8(toString(draft.decision).data(), qsizetype(toString(draft.decision).size()));
    if (draft.reason) {
        const auto code = toString(*draft.reason);
        request.reason = QString::fromUtf8(code.data(), qsizetype(code.size()));
    }
    request.message = draft.messageToCitizen;
    request.note = draft.note;
    return request;
}

}  // namespace

ReviewDesk::ReviewDesk(ReviewApi& api, OutboxSender& outbox, QWidget* parent)
    : QTabWidget(parent), api_(api), outbox_(outbox), queue_(new QueueView(this)), case_(new CaseView(this)) {
    setAccessibleName(tr("Reviewing"));
    addTab(queue_, tr("&Queue"));
    addTab(case_, tr("&Case"));
    setTabEnabled(1, false);

    connect(queue_, &QueueView::refreshRequested, this, &ReviewDesk::refresh);
    connect(queue_, &QueueView::morePagesWanted, this, &ReviewDesk::loadMore);
    connect(queue_, &QueueView::claimNextRequested, this, &ReviewDesk::claimNext);
    connect(queue_, &QueueView::caseOpenRequested, this, &ReviewDesk::openCase);
    connect(case_, &CaseView::mediaWanted, this, &ReviewDesk::fetchMedia);
    connect(case_, &CaseView::noteRequested, this, &ReviewDesk::addNote);
    connect(case_, &CaseView::decisionRequested, this, &ReviewDesk::decide);
    connect(case_, &CaseView::releaseRequested, this, &ReviewDesk::release);

    // A delivered decision changes the queue; a refused one is the server's final word.
    connect(&outbox_, &OutboxSender::delivered, this, [this](const OutboxEntry&, const DecisionResult& result) {
        emit message(tr("Decision recorded: %1 (level of assurance now %2).").arg(ReviewLabels::state(result.state)).arg(result.loa));
        queue_->requestRefresh();
    });
    connect(&outbox_, &OutboxSender::refused, this, [this](const OutboxEntry& entry, const Problem& problem) {
        emit message(tr("The decision on case %1 was refused: %2").arg(ReviewLabels::shortId(entry.caseId), problem.message()));
        queue_->requestRefresh();
    });
}

void ReviewDesk::start(const StaffMember& reviewer) {
    reviewer_ = reviewer;
    case_->setActorNames({{reviewer.accountId, tr("You")}});
    setCurrentWidget(queue_);
    queue_->requestRefresh();
}

void ReviewDesk::clear() {
    reviewer_ = {};
    case_->clear();
    setTabEnabled(1, false);
    queue_->model()->clear();
    queue_->setCounts({});
    queue_->showProblem({});
    setCurrentWidget(queue_);
}

void ReviewDesk::refresh(const QueueFilter& filter) {
    queue_->setBusy(true);
    api_.counts(this, [this](const ApiResult<CaseCounts>& counts) {
        if (!counts) return;
        QJsonObject byState;
        for (auto it = counts->begin(); it != counts->end(); ++it) byState.insert(it.key(), it.value());
        if (auto parsed = StateCounts::parse(QJsonObject{{"counts", byState}})) queue_->setCounts(*parsed);
    });
    api_.listCases(queryOf(filter), this, [this](const ApiResult<CasePage>& page) {
        queue_->setBusy(false);
        if (!page) return queue_->showProblem(page.problem().message());
        auto parsed = pageOf(*page);
        if (!parsed) return queue_->showProblem(QString::fromStdString(parsed.error().message));
        queue_->showProblem({});
        queue_->model()->setPage(*parsed);
    });
}

void ReviewDesk::loadMore(const QueueFilter& filter, const QString& cursor) {
    api_.listCases(queryOf(filter, cursor), this, [this](const ApiResult<CasePage>& page) {
        if (!page) return queue_->showProblem(page.problem().message());
        if (auto parsed = pageOf(*page)) queue_->model()->appendPage(*parsed);
    });
}

void ReviewDesk::claimNext(const QueueFilter& filter) {
    queue_->setBusy(true);
    api_.claimNext(selectionOf(filter), this, [this](const ApiResult<QJsonObject>& answer) {
        queue_->setBusy(false);
        if (!answer) return queue_->showProblem(answer.problem().message());
        showCase(*answer);
        queue_->requestRefresh();
    });
}

void ReviewDesk::openCase(const QString& caseId) {
    // Opening claims the case when it is free (the media links come only with a claim); a case
    // another reviewer holds is read as it is.
    api_.claim(caseId, this, [this, caseId](const ApiResult<QJsonObject>& claimed) {
        if (claimed) {
            showCase(*claimed);
            return queue_->requestRefresh();
        }
        api_.readCase(caseId, this, [this](const ApiResult<QJsonObject>& read) {
            if (!read) return queue_->showProblem(read.problem().message());
            showCase(*read);
        });
    });
}

void ReviewDesk::showCase(const QJsonObject& json) {
    auto detail = parseCaseDetail(json);
    if (!detail) return queue_->showProblem(QString::fromStdString(detail.error().message));
    case_->setCase(*detail);
    setTabEnabled(1, true);
    setCurrentWidget(case_);
}

void ReviewDesk::fetchMedia(const QString& caseId, const CaseMedia& media) {
    const QString mediaId = media.id;
    api_.fetchMedia(media.url, std::nullopt, this, [this, caseId, mediaId](const ApiResult<MediaBytes>& bytes) {
        if (case_->currentCase().id != caseId) return;  // the reviewer moved on: drop the bytes
        if (!bytes) return case_->setMediaProblem(mediaId, bytes.problem().message());
        case_->setMediaData(mediaId, bytes->bytes);
    });
}

void ReviewDesk::addNote(const QString& caseId, const QString& note) {
    api_.addNote(caseId, note, this, [this, caseId](const ApiResult<QJsonObject>& answer) {
        if (!answer) return showProblemInCase(caseId, answer.problem().message());
        auto event = parseCaseNote(QJsonDocument(*answer).toJson(QJsonDocument::Compact));
        if (event && case_->currentCase().id == caseId) case_->noteAdded(*event);
    });
}

void ReviewDesk::decide(const QString& caseId, const DecisionDraft& draft) {
    // Written to the outbox first: from here the decision survives a crash, a lost network or
    // a server restart, and is delivered once.
    auto submitted = outbox_.submit(caseId, requestOf(draft));
    if (!submitted) return showProblemInCase(caseId, QString::fromStdString(submitted.error().message));
    emit message(tr("%1 for %2: sending…").arg(ReviewLabels::decision(draft.decision), case_->currentCase().citizenName()));
    case_->clear();
    setTabEnabled(1, false);
    setCurrentWidget(queue_);
}

void ReviewDesk::release(const QString& caseId) {
    api_.release(caseId, this, [this, caseId](const ApiResult<QJsonObject>& answer) {
        if (!answer) return showProblemInCase(caseId, answer.problem().message());
        if (case_->currentCase().id == caseId) case_->clear();
        setTabEnabled(1, false);
        setCurrentWidget(queue_);
        queue_->requestRefresh();
    });
}

void ReviewDesk::showProblemInCase(const QString& caseId, const QString& message) {
    if (case_->currentCase().id == caseId) case_->showProblem(message);
    else emit this->message(message);
}

}  // namespace tessera::reviewer
