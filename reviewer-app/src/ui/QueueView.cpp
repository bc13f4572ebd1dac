#include "ui/QueueView.h"

#include <QComboBox>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QPushButton>
#include <QShortcut>
#include <QTableView>
#include <QVBoxLayout>

#include "review/ReviewLabels.h"
#include "ui/QueueFilterProxy.h"

namespace tessera::reviewer {

namespace {

// The state box's choices: the states reviewers work on together, then each state.
const QList<QList<ApplicationState>>& stateChoices() {
    static const QList<QList<ApplicationState>> choices{
        {},
        {ApplicationState::Submitted},
        {ApplicationState::InReview},
        {ApplicationState::Flagged},
        {ApplicationState::Approved},
        {ApplicationState::Rejected},
        {ApplicationState::Withdrawn},
        {ApplicationState::Expired}};
    return choices;
}

}  // namespace

QueueView::QueueView(QWidget* parent) : QWidget(parent) {
    setAccessibleName(tr("Review queue"));
    model_ = new QueueModel(this);
    proxy_ = new QueueFilterProxy(this);
    proxy_->setSourceModel(model_);

    auto* layout = new QVBoxLayout(this);
    layout->addWidget(buildFilterBar());

    problem_ = new QLabel(this);
    problem_->setAccessibleName(tr("Queue problem"));
    problem_->setWordWrap(true);
    problem_->setStyleSheet(QStringLiteral("color: #a00000; font-weight: bold;"));
    problem_->hide();
    layout->addWidget(problem_);

    table_ = new QTableView(this);
    table_->setAccessibleName(tr("Cases"));
    table_->setAccessibleDescription(tr("N claims the next case, Enter opens the selected case, F5 refreshes."));
    table_->setModel(proxy_);
    table_->setSelectionBehavior(QAbstractItemView::SelectRows);
    table_->setSelectionMode(QAbstractItemView::SingleSelection);
    table_->setEditTriggers(QAbstractItemView::NoEditTriggers);
    table_->setSortingEnabled(true);
    table_->sortByColumn(QueueModel::WaitingColumn, Qt::DescendingOrder);  // oldest first, as the server
    table_->setAlternatingRowColors(true);
    table_->setTabKeyNavigation(false);
    table_->verticalHeader()->hide();
    table_->horizontalHeader()->setStretchLastSection(true);
    table_->horizontalHeader()->setSectionResizeMode(QHeaderView::Interactive);
    table_->setColumnWidth(QueueModel::CaseColumn, 100);
    table_->setColumnWidth(QueueModel::StateColumn, 220);
    table_->setColumnWidth(QueueModel::EvidenceColumn, 150);
    table_->setColumnWidth(QueueModel::LevelColumn, 70);
    table_->setColumnWidth(QueueModel::WaitingColumn, 100);
    table_->setColumnWidth(QueueModel::ServiceLevelColumn, 190);
    layout->addWidget(table_, 1);

    status_ = new QLabel(this);
    status_->setAccessibleName(tr("Queue status"));
    layout->addWidget(status_);

    connect(table_, &QTableView::activated, this, [this](const QModelIndex& index) {
        if (const QString id = index.data(QueueModel::CaseIdRole).toString(); !id.isEmpty()) emit caseOpenRequested(id);
    });
    connect(table_->selectionModel(), &QItemSelectionModel::selectionChanged, this, &QueueView::updateStatus);
    connect(model_, &QueueModel::morePagesWanted, this,
            [this](const QString& cursor) { emit morePagesWanted(filter(), cursor); });
    for (auto signal : {&QAbstractItemModel::rowsInserted, &QAbstractItemModel::rowsRemoved})
        connect(model_, signal, this, &QueueView::updateStatus);
    connect(model_, &QAbstractItemModel::modelReset, this, &QueueView::updateStatus);

    auto shortcut = [this](const QKeySequence& keys, void (QueueView::*slot)()) {
        auto* s = new QShortcut(keys, this);
        s->setContext(Qt::WidgetWithChildrenShortcut);
        connect(s, &QShortcut::activated, this, slot);
    };
    shortcut(QKeySequence(Qt::Key_N), &QueueView::requestClaimNext);
    shortcut(QKeySequence(Qt::Key_F5), &QueueView::requestRefresh);
    shortcut(QKeySequence(Qt::CTRL | Qt::Key_R), &QueueView::requestRefresh);
    updateStatus();
}

QWidget* QueueView::buildFilterBar() {
    auto* bar = new QWidget(this);
    bar->setAccessibleName(tr("Queue filters"));
    auto* row = new QHBoxLayout(bar);
    row->setContentsMargins(0, 0, 0, 0);

    stateBox_ = new QComboBox(bar);
    stateBox_->setAccessibleName(tr("Show cases in state"));
    auto* stateLabel = new QLabel(tr("&State:"), bar);
    stateLabel->setBuddy(stateBox_);
    row->addWidget(stateLabel);
    row->addWidget(stateBox_);
    fillStateChoices();

    evidenceBox_ = new QComboBox(bar);
    evidenceBox_->setAccessibleName(tr("Show cases with evidence"));
    evidenceBox_->addItem(tr("All kinds"), QString());
    for (const char* code : {"document_video", "document_photo", "duplicate_person"})
        evidenceBox_->addItem(ReviewLabels::evidence(QLatin1String(code)), QLatin1String(code));
    auto* evidenceLabel = new QLabel(tr("&Evidence:"), bar);
    evidenceLabel->setBuddy(evidenceBox_);
    row->addWidget(evidenceLabel);
    row->addWidget(evidenceBox_);

    counts_ = new QLabel(bar);
    counts_->setAccessibleName(tr("Cases per state"));
    row->addWidget(counts_, 1);

    refresh_ = new QPushButton(tr("Refresh"), bar);
    refresh_->setToolTip(tr("Refresh the queue (F5)"));
    refresh_->setAccessibleName(tr("Refresh the queue"));
    open_ = new QPushButton(tr("Open"), bar);
    open_->setToolTip(tr("Open the selected case (Enter)"));
    open_->setAccessibleName(tr("Open the selected case"));
    claimNext_ = new QPushButton(tr("Claim next"), bar);
    claimNext_->setToolTip(tr("Claim the next case waiting (N)"));
    claimNext_->setAccessibleName(tr("Claim the next case"));
    row->addWidget(refresh_);
    row->addWidget(open_);
    row->addWidget(claimNext_);

    connect(refresh_, &QPushButton::clicked, this, &QueueView::requestRefresh);
    connect(open_, &QPushButton::clicked, this, &QueueView::openSelected);
    connect(claimNext_, &QPushButton::clicked, this, &QueueView::requestClaimNext);
    connect(stateBox_, &QComboBox::currentIndexChanged, this, &QueueView::applyFilter);
    connect(evidenceBox_, &QComboBox::currentIndexChanged, this, &QueueView::applyFilter);
    return bar;
}

void QueueView::fillStateChoices() {
    const QSignalBlocker quiet(stateBox_);
    const int kept = std::max(0, stateBox_->currentIndex());
    stateBox_->clear();
    for (const QList<ApplicationState>& states : stateChoices()) {
        qint64 n = 0;
        QString label;
        if (states.isEmpty()) {
            label = tr("Needing review");
            n = stateCounts_.waiting();
        } else {
            label = ReviewLabels::state(states.first());
            n = stateCounts_.count(states.first());
        }
        stateBox_->addItem(stateCounts_.isEmpty() ? label : tr("%1 (%2)").arg(label).arg(n));
    }
    stateBox_->setCurrentIndex(kept);
}

QueueFilter QueueView::filter() const {
    QueueFilter f;
    f.states = stateChoices().value(stateBox_->currentIndex());
    f.evidence = evidenceBox_->currentData().toString();
    return f;
}

void QueueView::setFilter(const QueueFilter& filter) {
    const qsizetype state = stateChoices().indexOf(filter.states);
    const int evidence = evidenceBox_->findData(filter.evidence);
    {
        const QSignalBlocker a(stateBox_), b(evidenceBox_);
        stateBox_->setCurrentIndex(state >= 0 ? static_cast<int>(state) : 0);
        evidenceBox_->setCurrentIndex(evidence >= 0 ? evidence : 0);
    }
    applyFilter();
}

void QueueView::applyFilter() {
    proxy_->setQueueFilter(filter());
    updateStatus();
    emit refreshRequested(filter());
}

void QueueView::setCounts(const StateCounts& counts) {
    stateCounts_ = counts;
    fillStateChoices();
    counts_->setText(tr("Waiting %1 · In review %2 · Flagged %3")
                         .arg(counts.count(ApplicationState::Submitted))
                         .arg(counts.count(ApplicationState::InReview))
                         .arg(counts.count(ApplicationState::Flagged)));
}

void QueueView::showProblem(const QString& message) {
    problem_->setText(message);
    problem_->setVisible(!message.isEmpty());
}

void QueueView::setBusy(bool busy) {
    busy_ = busy;
    refresh_->setEnabled(!busy);
    claimNext_->setEnabled(!busy);
    updateStatus();
}

QString QueueView::selectedCaseId() const {
    const QModelIndexList rows = table_->selectionModel()->selectedRows();
    return rows.isEmpty() ? QString() : rows.first().data(QueueModel::CaseIdRole).toString();
}

void QueueView::selectCase(const QString& caseId) {
    const int row = model_->rowOf(caseId);
    if (row < 0) return;
    const QModelIndex index = proxy_->mapFromSource(model_->index(row, 0));
    if (!index.isValid()) return;
    table_->selectionModel()->setCurrentIndex(index, QItemSelectionModel::ClearAndSelect | QItemSelectionModel::Rows);
    table_->scrollTo(index);
}

void QueueView::requestRefresh() {
    if (busy_) return;
    showProblem({});
    emit refreshRequested(filter());
}

void QueueView::requestClaimNext() {
    if (busy_) return;
    showProblem({});
    emit claimNextRequested(filter());
}

void QueueView::openSelected() {
    if (const QString id = selectedCaseId(); !id.isEmpty()) emit caseOpenRequested(id);
}

void QueueView::updateStatus() {
    if (!status_) return;
    QString text = tr("%n case(s) shown", nullptr, proxy_->rowCount());
    if (model_->hasMorePages()) text += tr(" · more load as you scroll");
    if (busy_) text += tr(" · working…");
    status_->setText(text);
    open_->setEnabled(!selectedCaseId().isEmpty());
}

}  // namespace tessera::reviewer
