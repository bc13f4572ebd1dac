#include "ui/CaseView.h"

#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLocale>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QShortcut>
#include <QSplitter>
#include <QTabWidget>
#include <QTableView>
#include <QVBoxLayout>

#include "review/ClaimsComparisonModel.h"
#include "review/HistoryModel.h"
#include "review/ReviewLabels.h"
#include "ui/DecisionDialog.h"
#include "ui/ImageViewer.h"
#include "ui/VideoPanel.h"

namespace tessera::reviewer {

namespace {

QTableView* tableFor(QAbstractItemModel* model, const QString& name, QWidget* parent) {
    auto* table = new QTableView(parent);
    table->setAccessibleName(name);
    table->setModel(model);
    table->setSelectionBehavior(QAbstractItemView::SelectRows);
    table->setEditTriggers(QAbstractItemView::NoEditTriggers);
    table->setWordWrap(true);
    table->setTabKeyNavigation(false);
    table->verticalHeader()->hide();
    table->horizontalHeader()->setStretchLastSection(true);
    return table;
}

QString localTime(const QDateTime& t) {
    return t.isValid() ? QLocale().toString(t.toLocalTime(), QLocale::ShortFormat) : QString();
}

}  // namespace

CaseView::CaseView(QWidget* parent) : QWidget(parent) {
    setAccessibleName(tr("Case"));
    claims_ = new ClaimsComparisonModel(this);
    history_ = new HistoryModel(this);

    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(4, 4, 4, 4);
    layout->addWidget(buildHeader());
    problem_ = new QLabel(this);
    problem_->setAccessibleName(tr("Case problem"));
    problem_->setWordWrap(true);
    problem_->setStyleSheet(QStringLiteral("color: #a00000; font-weight: bold;"));
    problem_->hide();
    layout->addWidget(problem_);

    auto* split = new QSplitter(Qt::Horizontal, this);
    split->setAccessibleName(tr("Case details and evidence"));
    split->setChildrenCollapsible(false);
    split->addWidget(buildDetails());
    split->addWidget(buildMedia());
    split->setStretchFactor(0, 2);
    split->setStretchFactor(1, 5);
    split->setSizes({500, 866});
    layout->addWidget(split, 1);

    const std::pair<Qt::Key, ReviewDecision> keys[] = {
        {Qt::Key_A, ReviewDecision::Approve}, {Qt::Key_R, ReviewDecision::Reject}, {Qt::Key_F, ReviewDecision::Flag}};
    for (const auto& [key, decision] : keys) {
        auto* shortcut = new QShortcut(QKeySequence(key), this);
        shortcut->setContext(Qt::WidgetWithChildrenShortcut);
        connect(shortcut, &QShortcut::activated, this, [this, d = decision] { openDecision(d); });
    }
    auto* noteShortcut = new QShortcut(QKeySequence(Qt::CTRL | Qt::Key_Return), noteBox_);
    noteShortcut->setContext(Qt::WidgetShortcut);
    connect(noteShortcut, &QShortcut::activated, this, &CaseView::submitNote);
    clear();
}

QWidget* CaseView::buildHeader() {
    auto* header = new QWidget(this);
    header->setAccessibleName(tr("Case summary"));
    auto* row = new QHBoxLayout(header);
    row->setContentsMargins(0, 0, 0, 0);
    auto* text = new QVBoxLayout;
    name_ = new QLabel(header);
    name_->setAccessibleName(tr("Citizen"));
    QFont big = name_->font();
    big.setPointSizeF(big.pointSizeF() * 1.3);
    big.setBold(true);
    name_->setFont(big);
    summary_ = new QLabel(header);
    summary_->setAccessibleName(tr("Case state"));
    text->addWidget(name_);
    text->addWidget(summary_);
    row->addLayout(text, 1);

    const std::tuple<ReviewDecision, QString, QString> decisions[] = {
        {ReviewDecision::Approve, tr("Approve (A)"), tr("Approve the application")},
        {ReviewDecision::Reject, tr("Reject (R)"), tr("Reject the application")},
        {ReviewDecision::Flag, tr("Flag (F)"), tr("Flag the application for a senior reviewer")}};
    for (const auto& [decision, label, name] : decisions) {
        auto* button = new QPushButton(label, header);
        button->setAccessibleName(name);
        connect(button, &QPushButton::clicked, this, [this, d = decision] { openDecision(d); });
        row->addWidget(button);
        decisionButtons_.append(button);
    }
    release_ = new QPushButton(tr("Release"), header);
    release_->setAccessibleName(tr("Release the case back to the queue"));
    release_->setToolTip(tr("Give the case back to the queue without deciding"));
    connect(release_, &QPushButton::clicked, this, [this] {
        if (hasCase()) emit releaseRequested(case_.id);
    });
    row->addWidget(release_);
    return header;
}

QWidget* CaseView::buildDetails() {
    tabs_ = new QTabWidget(this);
    tabs_->setAccessibleName(tr("Case details"));

    auto* claimsPage = new QWidget(tabs_);
    claimsPage->setAccessibleName(tr("Claims and checks"));
    auto* claimsLayout = new QVBoxLayout(claimsPage);
    mismatches_ = new QLabel(claimsPage);
    mismatches_->setAccessibleName(tr("Mismatches"));
    mismatches_->setWordWrap(true);
    claimsLayout->addWidget(mismatches_);
    claimsTable_ = tableFor(claims_, tr("Claims compared with the document and registers"), claimsPage);
    claimsTable_->setColumnWidth(ClaimsComparisonModel::FieldColumn, 105);
    claimsTable_->setColumnWidth(ClaimsComparisonModel::ClaimedColumn, 120);
    claimsTable_->setColumnWidth(ClaimsComparisonModel::DocumentColumn, 120);
    claimsLayout->addWidget(claimsTable_, 1);
    documentChecks_ = new QLabel(claimsPage);
    documentChecks_->setAccessibleName(tr("Document checks"));
    documentChecks_->setWordWrap(true);
    claimsLayout->addWidget(documentChecks_);
    tabs_->addTab(claimsPage, tr("&Claims"));

    auto* historyPage = new QWidget(tabs_);
    historyPage->setAccessibleName(tr("History and notes"));
    auto* historyLayout = new QVBoxLayout(historyPage);
    historyTable_ = tableFor(history_, tr("Case history"), historyPage);
    historyTable_->setColumnWidth(HistoryModel::WhenColumn, 110);
    historyTable_->setColumnWidth(HistoryModel::WhoColumn, 80);
    historyTable_->setColumnWidth(HistoryModel::EventColumn, 80);
    historyLayout->addWidget(historyTable_, 1);
    noteBox_ = new QPlainTextEdit(historyPage);
    noteBox_->setAccessibleName(tr("New note"));
    noteBox_->setPlaceholderText(tr("A note for the case history (Ctrl+Enter adds it)"));
    noteBox_->setTabChangesFocus(true);
    noteBox_->setMaximumHeight(80);
    historyLayout->addWidget(noteBox_);
    addNote_ = new QPushButton(tr("Add &note"), historyPage);
    addNote_->setAccessibleName(tr("Add the note to the case"));
    connect(addNote_, &QPushButton::clicked, this, &CaseView::submitNote);
    historyLayout->addWidget(addNote_, 0, Qt::AlignRight);
    tabs_->addTab(historyPage, tr("&History and notes"));
    return tabs_;
}

QWidget* CaseView::buildMedia() {
    auto* media = new QSplitter(Qt::Horizontal, this);
    media->setAccessibleName(tr("Evidence"));
    media->setChildrenCollapsible(false);
    back_ = new ImageViewer(tr("Document back"), media);
    front_ = new ImageViewer(tr("Document front"), media);
    // The face column: the video beside the front photo's portrait, the still captured from it below.
    auto* face = new QSplitter(Qt::Vertical, media);
    face->setAccessibleName(tr("Face comparison"));
    face->setChildrenCollapsible(false);
    video_ = new VideoPanel(face);
    still_ = new ImageViewer(tr("Captured frame"), face);
    face_ = face;
    media->addWidget(back_);
    media->addWidget(front_);
    media->addWidget(face);
    connect(video_, &VideoPanel::frameCaptured, this, [this](const QImage& frame) { still_->setImage(frame); });
    connect(video_, &VideoPanel::problem, this, &CaseView::showProblem);
    return media;
}

void CaseView::clear() {
    if (dialog_) dialog_->reject();
    case_ = CaseDetail{};
    requested_.clear();
    claims_->clear();
    history_->clear();
    name_->setText(tr("No case open"));
    summary_->setText(tr("Claim the next case from the queue (N)."));
    mismatches_->clear();
    documentChecks_->clear();
    noteBox_->clear();
    front_->clear();
    back_->clear();
    still_->clear(tr("Capture a frame from the video (C) to compare it with the portrait."));
    video_->clear();
    face_->show();
    showProblem({});
    for (QPushButton* b : decisionButtons_) b->setEnabled(false);
    release_->setEnabled(false);
    addNote_->setEnabled(false);
    noteBox_->setEnabled(false);
}

void CaseView::setCase(const CaseDetail& detail) {
    if (detail.id != case_.id) clear();
    case_ = detail;
    claims_->setCase(detail);
    claimsTable_->resizeRowsToContents();
    history_->setEvents(detail.history);
    historyTable_->resizeRowsToContents();
    showHeader();
    showDocumentChecks();

    const int mismatches = claims_->mismatchCount();
    mismatches_->setText(!detail.full ? tr("Claim the case to see the citizen's details.")
                         : mismatches == 0
                             ? tr("Everything agrees.")
                             : tr("%n mismatch(es): check the highlighted rows.", nullptr, mismatches));
    mismatches_->setStyleSheet(mismatches > 0 ? QStringLiteral("color: #a00000; font-weight: bold;") : QString());

    const bool holding = detail.full && !detail.claimedBy.isEmpty();
    for (QPushButton* b : decisionButtons_) b->setEnabled(canDecide());
    release_->setEnabled(holding);
    addNote_->setEnabled(holding);
    noteBox_->setEnabled(holding);
    face_->setVisible(detail.evidence != QLatin1String("document_photo") || detail.mediaIn("selfie_video"));

    // The same case again (a renewed claim, a refresh): media already asked for stay as they are.
    for (const CaseMedia& m : detail.media) {
        if (requested_.contains(m.id)) continue;
        if (m.url.isEmpty()) {
            setMediaProblem(m.id, tr("Claim the case to see this."));
            continue;
        }
        if (m.isVideo()) video_->showMessage(tr("Loading the video…"));
        else if (ImageViewer* viewer = viewerFor(m.slot)) viewer->showMessage(tr("Loading the photo…"));
        requested_.insert(m.id);
        emit mediaWanted(detail.id, m);
    }
    if (!detail.mediaIn(QStringLiteral("document_front"))) front_->clear(tr("No photo of the front"));
    if (!detail.mediaIn(QStringLiteral("document_back"))) back_->clear(tr("No photo of the back"));
}

void CaseView::showHeader() {
    const QString name = case_.citizenName();
    name_->setText(name.isEmpty() ? tr("Case %1").arg(ReviewLabels::shortId(case_.id)) : name);
    QStringList parts{ReviewLabels::state(case_.state), ReviewLabels::evidence(case_.evidence),
                      tr("Level %1").arg(case_.targetLoa)};
    if (case_.state == ApplicationState::Flagged && !case_.flagReason.isEmpty())
        parts << tr("Flagged: %1").arg(ReviewLabels::reason(case_.flagReason));
    if (case_.full && case_.claimExpiresAt.isValid()) parts << tr("Your claim ends %1").arg(localTime(case_.claimExpiresAt));
    else if (!case_.claimedBy.isEmpty()) parts << tr("Another reviewer holds this case");
    summary_->setText(parts.join(QStringLiteral(" · ")));
}

void CaseView::showDocumentChecks() {
    if (!case_.documentChecks) {
        documentChecks_->setText(tr("No identity document."));
        return;
    }
    const DocumentChecks& c = *case_.documentChecks;
    QString expiry = c.expired ? tr("Expired on %1 (%n day(s) ago).", nullptr, static_cast<int>(-c.daysToExpiry)).arg(c.expiryDate)
                               : tr("Valid until %1 (%n day(s) left).", nullptr, static_cast<int>(c.daysToExpiry)).arg(c.expiryDate);
    QString registerText = c.registerStatus.isEmpty()
                               ? tr("No document register covers this document type.")
                               : tr("Document register: %1.").arg(c.registerStatus);
    documentChecks_->setText(tr("%1: %2 %3").arg(ReviewLabels::value(QStringLiteral("documentType"), c.documentType),
                                                 expiry, registerText));
    const bool bad = c.expired || (!c.registerStatus.isEmpty() && c.registerStatus != QLatin1String("valid"));
    documentChecks_->setStyleSheet(bad ? QStringLiteral("color: #a00000; font-weight: bold;") : QString());
}

bool CaseView::canDecide() const {
    return case_.full && !case_.claimedBy.isEmpty() &&
           (case_.state == ApplicationState::InReview || case_.state == ApplicationState::Flagged);
}

ImageViewer* CaseView::viewerFor(const QString& slot) const {
    if (slot == QLatin1String("document_front")) return front_;
    if (slot == QLatin1String("document_back")) return back_;
    return nullptr;
}

void CaseView::setMediaData(const QString& mediaId, const QByteArray& bytes) {
    for (const CaseMedia& m : case_.media) {
        if (m.id != mediaId) continue;
        if (m.isVideo()) video_->setVideoData(bytes, m.contentType);
        else if (ImageViewer* viewer = viewerFor(m.slot)) viewer->setImageData(bytes);
        return;
    }
    // Not this case's (a late answer for a case already closed): not kept.
}

void CaseView::setMediaProblem(const QString& mediaId, const QString& message) {
    requested_.remove(mediaId);  // asked for again when the case is next shown (a fresh link)
    for (const CaseMedia& m : case_.media) {
        if (m.id != mediaId) continue;
        if (m.isVideo()) video_->clear(message);
        else if (ImageViewer* viewer = viewerFor(m.slot)) viewer->clear(message);
    }
}

void CaseView::noteAdded(const CaseEvent& event) {
    history_->append(event);
    case_.history.append(event);
    noteBox_->clear();
    historyTable_->scrollToBottom();
}

void CaseView::showProblem(const QString& message) {
    problem_->setText(message);
    problem_->setVisible(!message.isEmpty());
}

void CaseView::setActorNames(const QHash<QString, QString>& names) { history_->setActorNames(names); }

void CaseView::openDecision(ReviewDecision decision) {
    if (!canDecide()) {
        showProblem(hasCase() ? tr("Claim this case before deciding on it.") : tr("Open a case first."));
        return;
    }
    if (dialog_) {
        dialog_->setDecision(decision);
        dialog_->raise();
        return;
    }
    auto* dialog = new DecisionDialog(case_.citizenName(), decision, this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    dialog_ = dialog;
    const QString caseId = case_.id;
    connect(dialog, &DecisionDialog::decisionConfirmed, this,
            [this, caseId](const DecisionDraft& draft) { emit decisionRequested(caseId, draft); });
    // Closed is done with, though deleted a little later: a new key press opens a new one.
    connect(dialog, &QDialog::finished, this, [this] { dialog_.clear(); });
    dialog->open();
}

void CaseView::submitNote() {
    const QString note = noteBox_->toPlainText().trimmed();
    if (!hasCase() || note.isEmpty()) return;
    if (note.toUcs4().size() > kNoteMaxChars) {
        showProblem(tr("Shorten the note to %1 characters or fewer.").arg(kNoteMaxChars));
        return;
    }
    showProblem({});
    emit noteRequested(case_.id, note);
}

}  // namespace tessera::reviewer
