#include "browser/image_browser.h"

#include "browser/image_delegate.h"
#include "browser/image_filter_proxy.h"
#include "browser/image_list_model.h"

#include <QComboBox>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QListView>
#include <QVBoxLayout>

namespace kensa::ui {

ImageBrowser::ImageBrowser(ImageListModel* model, QWidget* parent)
    : QWidget(parent), m_model(model), m_proxy(new ImageFilterProxy(this)) {
    m_proxy->setSourceModel(model);

    m_show = new QComboBox(this);
    m_show->addItem(tr("All images"), int(ImageFilterProxy::Show::All));
    m_show->addItem(tr("Normal"), int(ImageFilterProxy::Show::Normal));
    m_show->addItem(tr("Defect"), int(ImageFilterProxy::Show::Defect));
    m_show->addItem(tr("Unlabelled"), int(ImageFilterProxy::Show::Unlabelled));
    m_show->addItem(tr("Flagged"), int(ImageFilterProxy::Show::Flagged));
    m_show->addItem(tr("Unreadable"), int(ImageFilterProxy::Show::Unreadable));
    m_show->setToolTip(tr("Show images by label"));
    m_split = new QComboBox(this);
    m_split->addItem(tr("Train + test"), int(ImageFilterProxy::Split::All));
    m_split->addItem(tr("Training"), int(ImageFilterProxy::Split::Train));
    m_split->addItem(tr("Test"), int(ImageFilterProxy::Split::Test));
    m_split->setToolTip(tr("Show training images (normal parts to learn from), test images, or both"));
    m_search = new QLineEdit(this);
    m_search->setPlaceholderText(tr("Filter by name"));
    m_search->setClearButtonEnabled(true);

    m_view = new QListView(this);
    m_view->setViewMode(QListView::IconMode);
    m_view->setResizeMode(QListView::Adjust);
    m_view->setMovement(QListView::Static);
    m_view->setUniformItemSizes(true);          // no per-item size queries: smooth with thousands of images
    m_view->setLayoutMode(QListView::Batched);  // lay out in slices, keeping the GUI responsive
    m_view->setBatchSize(500);
    m_view->setSelectionMode(QAbstractItemView::SingleSelection);
    m_view->setVerticalScrollMode(QAbstractItemView::ScrollPerPixel);
    m_view->setSpacing(2);
    m_view->setMouseTracking(true);
    m_view->setItemDelegate(new ImageDelegate(112, this));
    m_view->setModel(m_proxy);
    m_view->setFrameShape(QFrame::NoFrame);

    m_count = new QLabel(this);
    m_count->setForegroundRole(QPalette::PlaceholderText);

    auto* filters = new QHBoxLayout;
    filters->setSpacing(6);
    filters->addWidget(m_show, 1);
    filters->addWidget(m_split, 1);
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(6, 6, 6, 6);
    layout->setSpacing(6);
    layout->addLayout(filters);
    layout->addWidget(m_search);
    layout->addWidget(m_view, 1);
    layout->addWidget(m_count);

    connect(m_show, &QComboBox::currentIndexChanged, this,
            [this] { m_proxy->setShow(ImageFilterProxy::Show(m_show->currentData().toInt())); });
    connect(m_split, &QComboBox::currentIndexChanged, this,
            [this] { m_proxy->setSplit(ImageFilterProxy::Split(m_split->currentData().toInt())); });
    connect(m_search, &QLineEdit::textChanged, m_proxy, &ImageFilterProxy::setNameFilter);
    connect(m_view->selectionModel(), &QItemSelectionModel::currentChanged, this,
            [this](const QModelIndex& current) {
                Q_EMIT currentRowChanged(current.isValid() ? m_proxy->mapToSource(current).row() : -1);
            });
    for (auto signal : {&QAbstractItemModel::rowsInserted, &QAbstractItemModel::rowsRemoved})
        connect(m_proxy, signal, this, &ImageBrowser::updateCount);
    connect(m_proxy, &QAbstractItemModel::modelReset, this, &ImageBrowser::updateCount);
    connect(m_proxy, &QAbstractItemModel::layoutChanged, this, &ImageBrowser::updateCount);
    updateCount();
}

int ImageBrowser::currentRow() const {
    const QModelIndex i = m_view->currentIndex();
    return i.isValid() ? m_proxy->mapToSource(i).row() : -1;
}

void ImageBrowser::setCurrentRow(int sourceRow) {
    const QModelIndex i = m_proxy->mapFromSource(m_model->index(sourceRow));
    if (i.isValid()) {
        m_view->setCurrentIndex(i);
        m_view->scrollTo(i);
    }
}

void ImageBrowser::selectNext(int step) {
    const int n = m_proxy->rowCount();
    if (n == 0)
        return;
    const QModelIndex cur = m_view->currentIndex();
    const int row = cur.isValid() ? std::clamp(cur.row() + step, 0, n - 1) : 0;
    m_view->setCurrentIndex(m_proxy->index(row, 0));
    m_view->scrollTo(m_proxy->index(row, 0));
}

void ImageBrowser::updateCount() {
    const int shown = m_proxy->rowCount();
    const int total = m_model->rowCount();
    m_count->setText(shown == total ? tr("%n image(s)", nullptr, total)
                                    : tr("%1 of %n image(s)", nullptr, total).arg(shown));
}

}  // namespace kensa::ui
