#pragma once
// The reviewing side of the window: the queue and the open case, connected to the server
// through ReviewApi, and decisions handed to the outbox (OutboxSender), which delivers them.
// This is the one place where the review widgets' requests become calls; the widgets
// themselves never touch the network. Photos and video are held in memory only, by CaseView,
// and dropped with clear().
#include <QTabWidget>

#include "client/StaffApi.h"

namespace tessera::reviewer {

class CaseView;
class OutboxSender;
class QueueView;
class ReviewApi;
struct CaseMedia;
struct DecisionDraft;
struct QueueFilter;

class ReviewDesk : public QTabWidget {
    Q_OBJECT

public:
    ReviewDesk(ReviewApi& api, OutboxSender& outbox, QWidget* parent = nullptr);

    // The reviewer now signed in: their cases are marked as theirs, and the queue is loaded.
    void start(const StaffMember& reviewer);
    // Signed out or locked out: the queue and the case (with its photos and video) are dropped.
    void clear();

    QueueView* queueView() const { return queue_; }
    CaseView* caseView() const { return case_; }

signals:
    // A line for the status bar ("Decision sent for …", a problem).
    void message(const QString& text);

private:
    void refresh(const QueueFilter& filter);
    void loadMore(const QueueFilter& filter, const QString& cursor);
    void claimNext(const QueueFilter& filter);
    void openCase(const QString& caseId);
    void showCase(const QJsonObject& json);
    void fetchMedia(const QString& caseId, const CaseMedia& media);
    void addNote(const QString& caseId, const QString& note);
    void decide(const QString& caseId, const DecisionDraft& draft);
    void release(const QString& caseId);
    void showProblemInCase(const QString& caseId, const QString& message);

    ReviewApi& api_;
    OutboxSender& outbox_;
    QueueView* queue_;
    CaseView* case_;
    StaffMember reviewer_;
};

}  // namespace tessera::reviewer
