#include "review/QueueModel.h"

#include <QBrush>
#include <QFont>
#include <QHash>
#include <QSet>

#include <QLocale>

#include <algorithm>
#include <limits>

#include "review/ReviewLabels.h"

namespace tessera::reviewer {

namespace {

// Items of a page without repeats (a case that moved while paging is listed once).
QList<QueueItem> distinct(const QList<QueueItem>& items) {
    QList<QueueItem> out;
    QSet<QString> seen;
    for (const QueueItem& item : items)
        if (!seen.contains(item.id)) {
            seen.insert(item.id);
            out.append(item);
        }
    return out;
}

// The order reviewers think of a case's progress in, for sorting by state.
int stateRank(ApplicationState s) {
    switch (s) {
        case ApplicationState::Submitted: return 0;
        case ApplicationState::InReview: return 1;
        case ApplicationState::Flagged: return 2;
        case ApplicationState::Draft: return 3;
        case ApplicationState::Approved: return 4;
        case ApplicationState::Rejected: return 5;
        case ApplicationState::Withdrawn: return 6;
        case ApplicationState::Expired: return 7;
    }
    return 8;
}

}  // namespace

QueueModel::QueueModel(QObject* parent) : QAbstractTableModel(parent) {}

int QueueModel::rowCount(const QModelIndex& parent) const { return parent.isValid() ? 0 : static_cast<int>(rows_.size()); }

int QueueModel::columnCount(const QModelIndex& parent) const { return parent.isValid() ? 0 : ColumnCount; }

const QueueItem* QueueModel::itemAt(int row) const {
    return row >= 0 && row < rows_.size() ? &rows_.at(row) : nullptr;
}

int QueueModel::rowOf(const QString& caseId) const {
    for (qsizetype i = 0; i < rows_.size(); ++i)
        if (rows_.at(i).id == caseId) return static_cast<int>(i);
    return -1;
}

void QueueModel::setSlaPolicy(const SlaPolicy& policy) {
    sla_ = policy;
    if (!rows_.isEmpty()) emit dataChanged(index(0, 0), index(rowCount() - 1, ColumnCount - 1));
}

void QueueModel::clear() {
    beginResetModel();
    rows_.clear();
    next_.clear();
    requested_.clear();
    endResetModel();
}

void QueueModel::removeRowsMissingFrom(const QHash<QString, int>& wanted) {
    for (int row = rowCount() - 1; row >= 0; --row) {
        if (wanted.contains(rows_.at(row).id)) continue;
        const int last = row;
        while (row > 0 && !wanted.contains(rows_.at(row - 1).id)) --row;
        beginRemoveRows({}, row, last);
        rows_.remove(row, last - row + 1);
        endRemoveRows();
    }
}

void QueueModel::reorderLike(const QHash<QString, int>& wanted) {
    QList<QueueItem> sorted = rows_;
    std::stable_sort(sorted.begin(), sorted.end(),
                     [&](const QueueItem& a, const QueueItem& b) { return wanted.value(a.id) < wanted.value(b.id); });
    bool same = true;
    for (qsizetype i = 0; i < sorted.size() && same; ++i) same = sorted.at(i).id == rows_.at(i).id;
    if (same) return;
    emit layoutAboutToBeChanged();
    QHash<QString, int> newRow;
    for (qsizetype i = 0; i < sorted.size(); ++i) newRow.insert(sorted.at(i).id, static_cast<int>(i));
    const QModelIndexList from = persistentIndexList();
    QModelIndexList to;
    for (const QModelIndex& old : from) to.append(index(newRow.value(rows_.at(old.row()).id), old.column()));
    rows_ = sorted;
    changePersistentIndexList(from, to);
    emit layoutChanged();
}

void QueueModel::setPage(const QueuePage& page) {
    // The server's service level is the one agreed for every workstation.
    if (page.slaSeconds > 0) sla_.targetSeconds = page.slaSeconds;
    const QList<QueueItem> items = distinct(page.items);
    QHash<QString, int> wanted;
    for (qsizetype i = 0; i < items.size(); ++i) wanted.insert(items.at(i).id, static_cast<int>(i));
    // Rows that stay are moved, not removed and re-added, so selections and the current row
    // follow them; new cases are then inserted where the server placed them.
    removeRowsMissingFrom(wanted);
    reorderLike(wanted);
    for (qsizetype i = 0; i < items.size(); ++i) {
        if (i < rows_.size() && rows_.at(i).id == items.at(i).id) {
            rows_[i] = items.at(i);
            continue;
        }
        beginInsertRows({}, static_cast<int>(i), static_cast<int>(i));
        rows_.insert(i, items.at(i));
        endInsertRows();
    }
    if (!rows_.isEmpty()) emit dataChanged(index(0, 0), index(rowCount() - 1, ColumnCount - 1));
    next_ = page.next;
    requested_.clear();
}

void QueueModel::appendPage(const QueuePage& page) {
    QList<QueueItem> fresh;
    for (const QueueItem& item : distinct(page.items)) {
        const int row = rowOf(item.id);
        if (row < 0) {
            fresh.append(item);
            continue;
        }
        rows_[row] = item;
        emit dataChanged(index(row, 0), index(row, ColumnCount - 1));
    }
    if (!fresh.isEmpty()) {
        beginInsertRows({}, rowCount(), rowCount() + static_cast<int>(fresh.size()) - 1);
        rows_.append(fresh);
        endInsertRows();
    }
    next_ = page.next;
    requested_.clear();
}

bool QueueModel::canFetchMore(const QModelIndex& parent) const {
    return !parent.isValid() && !next_.isEmpty() && requested_ != next_;
}

void QueueModel::fetchMore(const QModelIndex& parent) {
    if (!canFetchMore(parent)) return;
    requested_ = next_;
    emit morePagesWanted(next_);
}

QVariant QueueModel::display(const QueueItem& item, int column) const {
    switch (column) {
        case CaseColumn: return ReviewLabels::shortId(item.id);
        case StateColumn:
            if (item.state == ApplicationState::Flagged && !item.flagReason.isEmpty())
                return tr("%1: %2").arg(ReviewLabels::state(item.state), ReviewLabels::reason(item.flagReason));
            return ReviewLabels::state(item.state);
        case EvidenceColumn: return ReviewLabels::evidence(item.evidence);
        case LevelColumn: return tr("Level %1").arg(item.targetLoa);
        case WaitingColumn: return ReviewLabels::duration(item.ageSeconds);
        case ServiceLevelColumn:
            return slaText(sla_.levelOf(item.state, item.ageSeconds), sla_.remaining(item.ageSeconds));
        case ClaimedByColumn:
            if (item.claimedByMe) return tr("You");
            if (!item.claimedBy.isEmpty()) return tr("Reviewer %1").arg(ReviewLabels::shortId(item.claimedBy));
            return QString();
        default: return {};
    }
}

QVariant QueueModel::sortValue(const QueueItem& item, int column) const {
    switch (column) {
        case CaseColumn: return item.id;
        case StateColumn: return stateRank(item.state);
        case EvidenceColumn: return item.evidence;
        case LevelColumn: return item.targetLoa;
        case WaitingColumn: return item.ageSeconds;
        case ServiceLevelColumn:
            // Least time left first when sorted ascending; decided cases last.
            return sla_.levelOf(item.state, item.ageSeconds) == SlaLevel::NotApplicable
                       ? std::numeric_limits<qint64>::max()
                       : sla_.remaining(item.ageSeconds);
        case ClaimedByColumn:
            return item.claimedByMe ? QStringLiteral("0") : item.claimedBy.isEmpty() ? QStringLiteral("2")
                                                                                    : QStringLiteral("1") + item.claimedBy;
        default: return {};
    }
}

QVariant QueueModel::data(const QModelIndex& index, int role) const {
    const QueueItem* item = index.isValid() ? itemAt(index.row()) : nullptr;
    if (!item) return {};
    const SlaLevel level = sla_.levelOf(item->state, item->ageSeconds);
    switch (role) {
        case Qt::DisplayRole: return display(*item, index.column());
        case Qt::ToolTipRole:
            if (index.column() == CaseColumn) return item->id;
            if (index.column() == ClaimedByColumn && item->claimExpiresAt.isValid())
                return tr("Claim ends %1").arg(QLocale().toString(item->claimExpiresAt.toLocalTime(), QLocale::ShortFormat));
            if (index.column() == WaitingColumn && item->submittedAt.isValid())
                return tr("Submitted %1").arg(QLocale().toString(item->submittedAt.toLocalTime(), QLocale::ShortFormat));
            return display(*item, index.column());
        case Qt::BackgroundRole:
            if (index.column() == ServiceLevelColumn && level != SlaLevel::NotApplicable) return QBrush(slaColour(level));
            return {};
        case Qt::ForegroundRole:
            if (index.column() == ServiceLevelColumn && level != SlaLevel::NotApplicable) return QBrush(Qt::black);
            return {};
        case Qt::FontRole:
            if (item->claimedByMe) {
                QFont bold;
                bold.setBold(true);
                return bold;
            }
            return {};
        case SortRole: return sortValue(*item, index.column());
        case CaseIdRole: return item->id;
        case StateRole: {
            const std::string_view code = toString(item->state);
            return QString::fromLatin1(code.data(), static_cast<qsizetype>(code.size()));
        }
        case EvidenceRole: return item->evidence;
        case SlaLevelRole: return static_cast<int>(level);
        case ClaimedByMeRole: return item->claimedByMe;
        case ClaimedRole: return !item->claimedBy.isEmpty();
        default: return {};
    }
}

QVariant QueueModel::headerData(int section, Qt::Orientation orientation, int role) const {
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole) return QAbstractTableModel::headerData(section, orientation, role);
    switch (section) {
        case CaseColumn: return tr("Case");
        case StateColumn: return tr("State");
        case EvidenceColumn: return tr("Evidence");
        case LevelColumn: return tr("Level");
        case WaitingColumn: return tr("Waiting");
        case ServiceLevelColumn: return tr("Service level");
        case ClaimedByColumn: return tr("Claimed by");
        default: return {};
    }
}

}  // namespace tessera::reviewer
