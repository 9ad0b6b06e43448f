<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="ja_JP">
<context>
    <name>CatalogTexts</name>
    <message>
        <location filename="../ui/training/catalog_texts.cpp" line="19"/>
        <source>a transformer rebuilds the backbone&apos;s features of normal parts and fails on defects; learns from marked and synthetic defects too (ADTR+)</source>
        <translation>トランスフォーマーが良品のバックボーン特徴を再構成し、欠陥は再構成できません。マーク済み欠陥と合成欠陥からも学習します (ADTR+)</translation>
    </message>
    <message>
        <location filename="../ui/training/catalog_texts.cpp" line="22"/>
        <source>distance of each patch to the nearest of a coreset of normal patches (Roth et al. 2022)</source>
        <translation>各パッチから、良品パッチのコアセットで最も近いものまでの距離 (Roth et al. 2022)</translation>
    </message>
    <message>
        <location filename="../ui/training/catalog_texts.cpp" line="25"/>
        <source>Mahalanobis distance to a Gaussian of normal features at each position (Defard et al. 2021)</source>
        <translation>各位置で、良品特徴のガウス分布までのマハラノビス距離 (Defard et al. 2021)</translation>
    </message>
    <message>
        <location filename="../ui/training/catalog_texts.cpp" line="28"/>
        <source>nearest normal images by a deep feature, then each position&apos;s distance to their feature pyramids (Cohen &amp; Hoshen 2020)</source>
        <translation>深層特徴で最も近い良品画像を選び、それらの特徴ピラミッドまでの各位置の距離 (Cohen &amp; Hoshen 2020)</translation>
    </message>
    <message>
        <location filename="../ui/training/catalog_texts.cpp" line="31"/>
        <source>noises each image and denoises it back; scores where the denoiser disagrees with the image (Lu et al. 2023)</source>
        <translation>画像にノイズを加えてから段階的に除去し、復元が画像と食い違う箇所を異常とします（Lu et al. 2023）</translation>
    </message>
    <message>
        <location filename="../ui/training/catalog_texts.cpp" line="39"/>
        <source>MobileNetV2 (ImageNet, offline default)</source>
        <translation>MobileNetV2（ImageNet、オフラインの既定）</translation>
    </message>
    <message>
        <location filename="../ui/training/catalog_texts.cpp" line="41"/>
        <source>EfficientNet-B4 (torchvision, the paper&apos;s backbone)</source>
        <translation>EfficientNet-B4（torchvision、論文のバックボーン）</translation>
    </message>
    <message>
        <location filename="../ui/training/catalog_texts.cpp" line="42"/>
        <source>ResNet-18 (torchvision)</source>
        <translation>ResNet-18（torchvision）</translation>
    </message>
    <message>
        <location filename="../ui/training/catalog_texts.cpp" line="43"/>
        <source>ResNet-34 (torchvision)</source>
        <translation>ResNet-34（torchvision）</translation>
    </message>
    <message>
        <location filename="../ui/training/catalog_texts.cpp" line="51"/>
        <source>blocks 2/5/10 of Keras MobileNetV2: 24+32+96 channels at strides 4/8/16</source>
        <translation>Keras MobileNetV2 のブロック 2/5/10：ストライド 4/8/16 で 24+32+96 チャネル</translation>
    </message>
    <message>
        <location filename="../ui/training/catalog_texts.cpp" line="53"/>
        <source>torchvision features.1/2/3/5: 24+32+56+160 channels at strides 2/4/8/16</source>
        <translation>torchvision の features.1/2/3/5：ストライド 2/4/8/16 で 24+32+56+160 チャネル</translation>
    </message>
    <message>
        <location filename="../ui/training/catalog_texts.cpp" line="55"/>
        <location filename="../ui/training/catalog_texts.cpp" line="57"/>
        <source>layer1-3: 64+128+256 channels at strides 4/8/16</source>
        <translation>layer1〜3：ストライド 4/8/16 で 64+128+256 チャネル</translation>
    </message>
</context>
<context>
    <name>CoreGeneratorCatalog</name>
    <message>
        <location filename="../ui/synthetic/core_generator_catalog.cpp" line="23"/>
        <source>Confetti noise</source>
        <translation>紙吹雪ノイズ</translation>
    </message>
    <message>
        <location filename="../ui/synthetic/core_generator_catalog.cpp" line="24"/>
        <source>Small squares and blobs of random colour, white or noise at random places.</source>
        <translation>ランダムな色・白・ノイズの小さな四角形や不定形を、ランダムな位置に置きます。</translation>
    </message>
    <message>
        <location filename="../ui/synthetic/core_generator_catalog.cpp" line="27"/>
        <source>CutPaste patch</source>
        <translation>CutPaste パッチ</translation>
    </message>
    <message>
        <location filename="../ui/synthetic/core_generator_catalog.cpp" line="28"/>
        <source>A rectangle of the image itself, colour-jittered, pasted elsewhere.</source>
        <translation>画像自身から切り取った長方形に色のゆらぎを加え、別の位置に貼り付けます。</translation>
    </message>
    <message>
        <location filename="../ui/synthetic/core_generator_catalog.cpp" line="31"/>
        <source>CutPaste scar</source>
        <translation>CutPaste 傷</translation>
    </message>
    <message>
        <location filename="../ui/synthetic/core_generator_catalog.cpp" line="32"/>
        <source>A thin, rotated strip of the image itself pasted elsewhere.</source>
        <translation>画像自身から切り取った細い帯を回転させ、別の位置に貼り付けます。</translation>
    </message>
    <message>
        <location filename="../ui/synthetic/core_generator_catalog.cpp" line="35"/>
        <source>Perlin texture</source>
        <translation>パーリンテクスチャ</translation>
    </message>
    <message>
        <location filename="../ui/synthetic/core_generator_catalog.cpp" line="36"/>
        <source>Irregular Perlin-noise regions filled with a foreign texture (DRAEM).</source>
        <translation>パーリンノイズで作った不規則な領域を、別のテクスチャで埋めます (DRAEM)。</translation>
    </message>
    <message>
        <location filename="../ui/synthetic/core_generator_catalog.cpp" line="39"/>
        <source>Scratches</source>
        <translation>ひっかき傷</translation>
    </message>
    <message>
        <location filename="../ui/synthetic/core_generator_catalog.cpp" line="40"/>
        <source>Thin curved strokes, darker or lighter than the surface.</source>
        <translation>表面より暗い、または明るい細い曲線を描きます。</translation>
    </message>
    <message>
        <location filename="../ui/synthetic/core_generator_catalog.cpp" line="52"/>
        <source>Count, fewest</source>
        <translation>最小個数</translation>
    </message>
    <message>
        <location filename="../ui/synthetic/core_generator_catalog.cpp" line="53"/>
        <source>Count, most</source>
        <translation>最大個数</translation>
    </message>
    <message>
        <location filename="../ui/synthetic/core_generator_catalog.cpp" line="54"/>
        <source>Size, smallest</source>
        <translation>最小サイズ</translation>
    </message>
    <message>
        <location filename="../ui/synthetic/core_generator_catalog.cpp" line="55"/>
        <source>Size, largest</source>
        <translation>最大サイズ</translation>
    </message>
    <message>
        <location filename="../ui/synthetic/core_generator_catalog.cpp" line="56"/>
        <source>Area, smallest</source>
        <translation>最小面積</translation>
    </message>
    <message>
        <location filename="../ui/synthetic/core_generator_catalog.cpp" line="57"/>
        <source>Area, largest</source>
        <translation>最大面積</translation>
    </message>
    <message>
        <location filename="../ui/synthetic/core_generator_catalog.cpp" line="58"/>
        <source>Width, thinnest</source>
        <translation>最小幅</translation>
    </message>
    <message>
        <location filename="../ui/synthetic/core_generator_catalog.cpp" line="59"/>
        <source>Width, widest</source>
        <translation>最大幅</translation>
    </message>
    <message>
        <location filename="../ui/synthetic/core_generator_catalog.cpp" line="60"/>
        <source>Length, shortest</source>
        <translation>最小長さ</translation>
    </message>
    <message>
        <location filename="../ui/synthetic/core_generator_catalog.cpp" line="61"/>
        <source>Length, longest</source>
        <translation>最大長さ</translation>
    </message>
    <message>
        <location filename="../ui/synthetic/core_generator_catalog.cpp" line="62"/>
        <source>Opacity, least</source>
        <translation>最小不透明度</translation>
    </message>
    <message>
        <location filename="../ui/synthetic/core_generator_catalog.cpp" line="63"/>
        <source>Opacity, greatest</source>
        <translation>最大不透明度</translation>
    </message>
    <message>
        <location filename="../ui/synthetic/core_generator_catalog.cpp" line="64"/>
        <source>Strength, least</source>
        <translation>最小強度</translation>
    </message>
    <message>
        <location filename="../ui/synthetic/core_generator_catalog.cpp" line="65"/>
        <source>Strength, greatest</source>
        <translation>最大強度</translation>
    </message>
    <message>
        <location filename="../ui/synthetic/core_generator_catalog.cpp" line="67"/>
        <source>Noise scale, coarsest</source>
        <translation>最も粗いノイズ</translation>
    </message>
    <message>
        <location filename="../ui/synthetic/core_generator_catalog.cpp" line="68"/>
        <source>Noise scale, finest</source>
        <translation>最も細かいノイズ</translation>
    </message>
    <message>
        <location filename="../ui/synthetic/core_generator_catalog.cpp" line="69"/>
        <source>Elongation, most</source>
        <translation>最大縦横比</translation>
    </message>
    <message>
        <location filename="../ui/synthetic/core_generator_catalog.cpp" line="70"/>
        <source>Rotation, largest</source>
        <translation>最大回転</translation>
    </message>
    <message>
        <location filename="../ui/synthetic/core_generator_catalog.cpp" line="71"/>
        <source>Share of blobs</source>
        <translation>不定形の割合</translation>
    </message>
    <message>
        <location filename="../ui/synthetic/core_generator_catalog.cpp" line="72"/>
        <source>Share of white</source>
        <translation>白の割合</translation>
    </message>
    <message>
        <location filename="../ui/synthetic/core_generator_catalog.cpp" line="73"/>
        <source>Share of noise</source>
        <translation>ノイズの割合</translation>
    </message>
    <message>
        <location filename="../ui/synthetic/core_generator_catalog.cpp" line="74"/>
        <source>Share of dark</source>
        <translation>暗い傷の割合</translation>
    </message>
    <message>
        <location filename="../ui/synthetic/core_generator_catalog.cpp" line="75"/>
        <source>Share of parallel</source>
        <translation>平行な傷の割合</translation>
    </message>
    <message>
        <location filename="../ui/synthetic/core_generator_catalog.cpp" line="76"/>
        <source>Edge blur</source>
        <translation>縁のぼかし</translation>
    </message>
    <message>
        <location filename="../ui/synthetic/core_generator_catalog.cpp" line="77"/>
        <source>Colour jitter</source>
        <translation>色のゆらぎ</translation>
    </message>
    <message>
        <location filename="../ui/synthetic/core_generator_catalog.cpp" line="78"/>
        <source>Noise threshold</source>
        <translation>ノイズしきい値</translation>
    </message>
    <message>
        <location filename="../ui/synthetic/core_generator_catalog.cpp" line="79"/>
        <source>Curvature</source>
        <translation>曲がり具合</translation>
    </message>
    <message>
        <location filename="../ui/synthetic/core_generator_catalog.cpp" line="93"/>
        <source>Count</source>
        <translation>個数</translation>
    </message>
    <message>
        <location filename="../ui/synthetic/core_generator_catalog.cpp" line="94"/>
        <source>Size</source>
        <translation>サイズ</translation>
    </message>
    <message>
        <location filename="../ui/synthetic/core_generator_catalog.cpp" line="95"/>
        <source>Area</source>
        <translation>面積</translation>
    </message>
    <message>
        <location filename="../ui/synthetic/core_generator_catalog.cpp" line="96"/>
        <source>Width</source>
        <translation>幅</translation>
    </message>
    <message>
        <location filename="../ui/synthetic/core_generator_catalog.cpp" line="97"/>
        <source>Length</source>
        <translation>長さ</translation>
    </message>
    <message>
        <location filename="../ui/synthetic/core_generator_catalog.cpp" line="98"/>
        <source>Opacity</source>
        <translation>不透明度</translation>
    </message>
    <message>
        <location filename="../ui/synthetic/core_generator_catalog.cpp" line="99"/>
        <source>Strength</source>
        <translation>強度</translation>
    </message>
    <message>
        <location filename="../ui/synthetic/core_generator_catalog.cpp" line="100"/>
        <source>Noise scale</source>
        <translation>ノイズの細かさ</translation>
    </message>
    <message>
        <location filename="../ui/synthetic/core_generator_catalog.cpp" line="109"/>
        <source> px</source>
        <translation> px</translation>
    </message>
</context>
<context>
    <name>ReportWriter</name>
    <message>
        <location filename="../ui/review/report_pdf.cpp" line="267"/>
        <location filename="../ui/review/report_pdf.cpp" line="603"/>
        <location filename="../ui/review/report_writer.cpp" line="308"/>
        <location filename="../ui/review/report_writer.cpp" line="310"/>
        <source>Inspection report — %1</source>
        <translation>検査レポート — %1</translation>
    </message>
    <message>
        <location filename="../ui/review/report_writer.cpp" line="174"/>
        <source>Method</source>
        <translation>手法</translation>
    </message>
    <message>
        <location filename="../ui/review/report_writer.cpp" line="181"/>
        <source>(from stage %1)</source>
        <translation>（ステージ %1 から）</translation>
    </message>
    <message>
        <location filename="../ui/review/report_writer.cpp" line="182"/>
        <source>Backbone</source>
        <translation>バックボーン</translation>
    </message>
    <message>
        <location filename="../ui/review/report_writer.cpp" line="183"/>
        <source>Image size</source>
        <translation>画像サイズ</translation>
    </message>
    <message>
        <location filename="../ui/review/report_writer.cpp" line="183"/>
        <source>%1 px</source>
        <translation>%1 px</translation>
    </message>
    <message>
        <location filename="../ui/review/report_writer.cpp" line="184"/>
        <source>Anomaly map</source>
        <translation>異常マップ</translation>
    </message>
    <message>
        <location filename="../ui/review/report_writer.cpp" line="185"/>
        <source>smoothed with σ = %1 px</source>
        <translation>σ = %1 px で平滑化</translation>
    </message>
    <message>
        <location filename="../ui/review/report_writer.cpp" line="186"/>
        <source>not smoothed</source>
        <translation>平滑化なし</translation>
    </message>
    <message>
        <location filename="../ui/review/report_writer.cpp" line="187"/>
        <source>Image score</source>
        <translation>画像スコア</translation>
    </message>
    <message>
        <location filename="../ui/review/report_writer.cpp" line="188"/>
        <source>maximum of the map averaged over %1 × %1 px</source>
        <translation>%1 × %1 px で平均したマップの最大値</translation>
    </message>
    <message>
        <location filename="../ui/review/report_writer.cpp" line="189"/>
        <source>mean of the map</source>
        <translation>マップの平均</translation>
    </message>
    <message>
        <location filename="../ui/review/report_writer.cpp" line="191"/>
        <source>Thresholds of the model</source>
        <translation>モデルのしきい値</translation>
    </message>
    <message>
        <location filename="../ui/review/report_writer.cpp" line="193"/>
        <source>image %1: the %2 quantile of the held-out normal images (%3)</source>
        <translation>画像 %1（取り分けた良品画像 %3 枚の %2 分位点）</translation>
    </message>
    <message>
        <location filename="../ui/review/report_writer.cpp" line="196"/>
        <source>image %1, pixel %2: the %3 quantile of the held-out normal images (%4)</source>
        <translation>画像 %1、画素 %2（取り分けた良品画像 %4 枚の %3 分位点）</translation>
    </message>
    <message>
        <location filename="../ui/review/report_writer.cpp" line="201"/>
        <source>F1-optimal thresholds at training</source>
        <translation>学習時の F1 最適しきい値</translation>
    </message>
    <message>
        <location filename="../ui/review/report_writer.cpp" line="201"/>
        <source>image %1, pixel %2</source>
        <translation>画像 %1、画素 %2</translation>
    </message>
    <message>
        <location filename="../ui/review/report_writer.cpp" line="207"/>
        <source>Training mode</source>
        <translation>学習モード</translation>
    </message>
    <message>
        <location filename="../ui/review/report_writer.cpp" line="210"/>
        <source>Training images</source>
        <translation>学習用画像</translation>
    </message>
    <message>
        <location filename="../ui/review/report_writer.cpp" line="210"/>
        <source>%1 normal, %2 held out for the thresholds</source>
        <translation>良品 %1 枚（ほかに %2 枚をしきい値用に取り分け）</translation>
    </message>
    <message>
        <location filename="../ui/review/report_writer.cpp" line="216"/>
        <source>Defect images trained on</source>
        <translation>学習に使った不良画像</translation>
    </message>
    <message>
        <location filename="../ui/review/report_writer.cpp" line="218"/>
        <source>Epochs</source>
        <translation>エポック数</translation>
    </message>
    <message>
        <location filename="../ui/review/report_writer.cpp" line="220"/>
        <source>Position scoring</source>
        <translation>位置ごとのスコア</translation>
    </message>
    <message>
        <location filename="../ui/review/report_writer.cpp" line="222"/>
        <source>Seed</source>
        <translation>シード</translation>
    </message>
    <message>
        <location filename="../ui/review/report_writer.cpp" line="224"/>
        <source>Training time</source>
        <translation>学習時間</translation>
    </message>
    <message>
        <location filename="../ui/review/report_writer.cpp" line="224"/>
        <source>%1 s</source>
        <translation>%1 秒</translation>
    </message>
    <message>
        <location filename="../ui/review/report_writer.cpp" line="230"/>
        <source>Training warnings</source>
        <translation>学習時の警告</translation>
    </message>
    <message>
        <location filename="../ui/review/report_writer.cpp" line="231"/>
        <source>images with a warning: %1 (see the model&apos;s record)</source>
        <translation>警告のある画像: %1 枚（モデルの記録を参照）</translation>
    </message>
    <message>
        <location filename="../ui/review/report_writer.cpp" line="235"/>
        <source>Method settings</source>
        <translation>手法の設定</translation>
    </message>
    <message>
        <location filename="../ui/review/report_writer.cpp" line="369"/>
        <source>Pixel metrics do not apply to image classification: tiny images are scored whole.</source>
        <translation>画素の評価指標は画像分類には適用されません。小さな画像は画像全体として採点されます。</translation>
    </message>
    <message>
        <location filename="../ui/review/report_pdf.cpp" line="270"/>
        <location filename="../ui/review/report_writer.cpp" line="311"/>
        <source>Model %1 · %2 · %3 images in %4 s</source>
        <translation>モデル %1 · %2 · 画像 %3 枚を %4 秒で検査</translation>
    </message>
    <message>
        <location filename="../ui/review/report_pdf.cpp" line="281"/>
        <location filename="../ui/review/report_writer.cpp" line="322"/>
        <source>images</source>
        <translation>画像数</translation>
    </message>
    <message>
        <location filename="../ui/review/report_pdf.cpp" line="281"/>
        <location filename="../ui/review/report_writer.cpp" line="323"/>
        <source>NG at the image threshold</source>
        <translation>画像しきい値で NG</translation>
    </message>
    <message>
        <location filename="../ui/review/report_pdf.cpp" line="281"/>
        <location filename="../ui/review/report_pdf.cpp" line="314"/>
        <location filename="../ui/review/report_writer.cpp" line="324"/>
        <location filename="../ui/review/report_writer.cpp" line="342"/>
        <source>OK</source>
        <translation>OK</translation>
    </message>
    <message>
        <location filename="../ui/review/report_pdf.cpp" line="281"/>
        <location filename="../ui/review/report_writer.cpp" line="325"/>
        <source>could not be inspected</source>
        <translation>検査できなかった画像</translation>
    </message>
    <message>
        <location filename="../ui/review/report_pdf.cpp" line="282"/>
        <location filename="../ui/review/report_writer.cpp" line="326"/>
        <source>reviewed by a person</source>
        <translation>人が確認した画像</translation>
    </message>
    <message>
        <location filename="../ui/review/report_pdf.cpp" line="292"/>
        <location filename="../ui/review/report_writer.cpp" line="330"/>
        <source>Thresholds</source>
        <translation>しきい値</translation>
    </message>
    <message>
        <location filename="../ui/review/report_pdf.cpp" line="294"/>
        <location filename="../ui/review/report_writer.cpp" line="330"/>
        <source>used</source>
        <translation>使用値</translation>
    </message>
    <message>
        <location filename="../ui/review/report_pdf.cpp" line="294"/>
        <location filename="../ui/review/report_writer.cpp" line="330"/>
        <source>model default</source>
        <translation>モデルの既定値</translation>
    </message>
    <message>
        <location filename="../ui/review/report_pdf.cpp" line="295"/>
        <location filename="../ui/review/report_writer.cpp" line="332"/>
        <source>Image (score ≥ threshold is NG)</source>
        <translation>画像（スコア ≥ しきい値で NG）</translation>
    </message>
    <message>
        <location filename="../ui/review/report_pdf.cpp" line="298"/>
        <location filename="../ui/review/report_writer.cpp" line="336"/>
        <source>Pixel (outlined as defect)</source>
        <translation>画素（欠陥として縁取り）</translation>
    </message>
    <message>
        <location filename="../ui/review/report_pdf.cpp" line="311"/>
        <location filename="../ui/review/report_writer.cpp" line="342"/>
        <source>Verdicts of labelled images</source>
        <translation>ラベル付き画像の判定</translation>
    </message>
    <message>
        <location filename="../ui/review/report_pdf.cpp" line="314"/>
        <location filename="../ui/review/report_writer.cpp" line="342"/>
        <source>NG</source>
        <translation>NG</translation>
    </message>
    <message>
        <location filename="../ui/review/report_pdf.cpp" line="314"/>
        <source>label \ verdict</source>
        <translation>ラベル \ 判定</translation>
    </message>
    <message>
        <location filename="../ui/review/report_pdf.cpp" line="314"/>
        <source>total</source>
        <translation>合計</translation>
    </message>
    <message>
        <location filename="../ui/review/report_pdf.cpp" line="315"/>
        <location filename="../ui/review/report_pdf.cpp" line="348"/>
        <location filename="../ui/review/report_writer.cpp" line="344"/>
        <location filename="../ui/review/report_writer.cpp" line="356"/>
        <location filename="../ui/review/report_writer.cpp" line="375"/>
        <source>defective</source>
        <translation>不良</translation>
    </message>
    <message>
        <location filename="../ui/review/report_pdf.cpp" line="317"/>
        <location filename="../ui/review/report_pdf.cpp" line="347"/>
        <location filename="../ui/review/report_writer.cpp" line="348"/>
        <location filename="../ui/review/report_writer.cpp" line="356"/>
        <location filename="../ui/review/report_writer.cpp" line="375"/>
        <source>normal</source>
        <translation>良品</translation>
    </message>
    <message>
        <location filename="../ui/review/report_pdf.cpp" line="326"/>
        <source>At the image threshold %1: %2 of %3 defective images caught, %4 of %5 normal images flagged.</source>
        <translation>画像しきい値 %1 で、不良画像 %3 枚のうち %2 枚を検出し、良品画像 %5 枚のうち %4 枚を NG と判定しました。</translation>
    </message>
    <message>
        <location filename="../ui/review/report_pdf.cpp" line="334"/>
        <location filename="../ui/review/report_writer.cpp" line="356"/>
        <location filename="../ui/review/report_writer.cpp" line="375"/>
        <source>Metrics</source>
        <translation>評価指標</translation>
    </message>
    <message>
        <location filename="../ui/review/report_pdf.cpp" line="346"/>
        <location filename="../ui/review/report_writer.cpp" line="356"/>
        <location filename="../ui/review/report_writer.cpp" line="375"/>
        <source>set</source>
        <translation>対象</translation>
    </message>
    <message>
        <location filename="../ui/review/report_pdf.cpp" line="349"/>
        <location filename="../ui/review/report_writer.cpp" line="357"/>
        <location filename="../ui/review/report_writer.cpp" line="376"/>
        <source>image AUROC</source>
        <translation>画像 AUROC</translation>
    </message>
    <message>
        <location filename="../ui/review/report_pdf.cpp" line="350"/>
        <location filename="../ui/review/report_writer.cpp" line="376"/>
        <source>pixel AUROC</source>
        <translation>画素 AUROC</translation>
    </message>
    <message>
        <location filename="../ui/review/report_pdf.cpp" line="351"/>
        <location filename="../ui/review/report_writer.cpp" line="377"/>
        <source>AU-PRO@%1</source>
        <translation>AU-PRO@%1</translation>
    </message>
    <message>
        <location filename="../ui/review/report_pdf.cpp" line="352"/>
        <location filename="../ui/review/report_writer.cpp" line="357"/>
        <location filename="../ui/review/report_writer.cpp" line="377"/>
        <source>image F1 (threshold)</source>
        <translation>画像 F1（しきい値）</translation>
    </message>
    <message>
        <location filename="../ui/review/report_pdf.cpp" line="363"/>
        <location filename="../ui/review/report_writer.cpp" line="365"/>
        <location filename="../ui/review/report_writer.cpp" line="388"/>
        <source>all</source>
        <translation>全体</translation>
    </message>
    <message>
        <location filename="../ui/review/report_pdf.cpp" line="376"/>
        <source>AUROC: area under the ROC curve (1 = every anomalous image scores above every normal image). Pixel metrics do not apply to image classification: tiny images are scored whole.</source>
        <translation>AUROC: ROC 曲線の下の面積（1 = すべての不良画像のスコアがすべての良品画像より高い）。画素の評価指標は画像分類には適用されません。小さな画像は画像全体として採点されます。</translation>
    </message>
    <message>
        <location filename="../ui/review/report_pdf.cpp" line="526"/>
        <source>Its anomaly map (dark: normal, light: anomalous) on this scale:</source>
        <translation>異常マップ（暗い: 正常、明るい: 異常）。目盛り:</translation>
    </message>
    <message>
        <location filename="../ui/review/report_pdf.cpp" line="616"/>
        <source>the PDF writer could not start</source>
        <translation>PDF の書き出しを開始できません</translation>
    </message>
    <message>
        <location filename="../ui/review/report_pdf.cpp" line="622"/>
        <source>the PDF writer could not add a page</source>
        <translation>PDF にページを追加できません</translation>
    </message>
    <message>
        <location filename="../ui/review/report_pdf.cpp" line="628"/>
        <source>Model %1</source>
        <translation>モデル %1</translation>
    </message>
    <message>
        <location filename="../ui/review/report_pdf.cpp" line="635"/>
        <source>%1 · Kensa %2</source>
        <translation>%1 · Kensa %2</translation>
    </message>
    <message>
        <location filename="../ui/review/report_pdf.cpp" line="636"/>
        <source>Page %1 of %2</source>
        <translation>%1 / %2 ページ</translation>
    </message>
    <message>
        <location filename="../ui/review/report_pdf.cpp" line="641"/>
        <source>the PDF writer could not finish</source>
        <translation>PDF の書き出しを完了できません</translation>
    </message>
    <message>
        <location filename="../ui/review/report_pdf.cpp" line="339"/>
        <location filename="../ui/review/report_writer.cpp" line="394"/>
        <source>No metrics: %1</source>
        <translation>評価指標なし: %1</translation>
    </message>
    <message>
        <location filename="../ui/review/report_pdf.cpp" line="258"/>
        <source>Every image with its score, verdict and decision is in the CSV beside this file (%1).</source>
        <translation>全画像のスコア、判定、確認結果は、このファイルと同じフォルダーの CSV（%1）にあります。</translation>
    </message>
    <message>
        <location filename="../ui/review/report_pdf.cpp" line="338"/>
        <location filename="../ui/review/report_writer.cpp" line="397"/>
        <source>No metrics: label test images normal or defective to measure the model.</source>
        <translation>評価指標なし: モデルを評価するには、テスト画像に良品または不良のラベルを付けてください。</translation>
    </message>
    <message>
        <location filename="../ui/review/report_pdf.cpp" line="388"/>
        <source>AUROC: area under the ROC curve (1 = every defect scores above every normal image). AU-PRO: per-region overlap of the outlined areas with the marked defects, up to a false-positive rate of %1. Pixel metrics need defect masks.</source>
        <translation>AUROC: ROC 曲線の下の面積（1 = すべての不良画像のスコアがすべての良品画像より高い）。AU-PRO: 縁取りした領域とマーク済みの欠陥の領域ごとの重なり（偽陽性率 %1 まで）。画素の評価指標には欠陥マスクが必要です。</translation>
    </message>
    <message>
        <location filename="../ui/review/report_pdf.cpp" line="404"/>
        <location filename="../ui/review/report_writer.cpp" line="401"/>
        <source>Model</source>
        <translation>モデル</translation>
    </message>
    <message>
        <location filename="../ui/review/report_pdf.cpp" line="426"/>
        <location filename="../ui/review/report_writer.cpp" line="408"/>
        <source>Plots</source>
        <translation>グラフ</translation>
    </message>
    <message>
        <location filename="../ui/review/report_pdf.cpp" line="422"/>
        <source>Curves: the model&apos;s result as a solid line, chance as a dashed line, the current threshold as a circle. Histogram: normal images white, defective dark grey, unlabelled light grey; the image threshold as a dash-dotted line.</source>
        <translation>曲線: モデルの結果を実線、偶然の水準を破線、現在のしきい値を円で示します。ヒストグラム: 良品画像は白、不良は濃い灰色、未分類は薄い灰色、画像しきい値は一点鎖線です。</translation>
    </message>
    <message numerus="yes">
        <location filename="../ui/review/report_pdf.cpp" line="461"/>
        <location filename="../ui/review/report_writer.cpp" line="420"/>
        <source>The %n highest-scoring image(s)</source>
        <translation>
            <numerusform>スコアが最も高い %n 枚の画像</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../ui/review/report_pdf.cpp" line="472"/>
        <location filename="../ui/review/report_writer.cpp" line="432"/>
        <source>score %1</source>
        <translation>スコア %1</translation>
    </message>
    <message>
        <location filename="../ui/review/report_pdf.cpp" line="473"/>
        <location filename="../ui/review/report_writer.cpp" line="433"/>
        <source>unlabelled</source>
        <translation>未分類</translation>
    </message>
    <message>
        <location filename="../ui/review/report_pdf.cpp" line="473"/>
        <source>label: %1</source>
        <translation>ラベル: %1</translation>
    </message>
    <message>
        <location filename="../ui/review/report_pdf.cpp" line="475"/>
        <location filename="../ui/review/report_writer.cpp" line="435"/>
        <source>reviewed: %1</source>
        <translation>確認結果: %1</translation>
    </message>
    <message>
        <location filename="../ui/review/report_pdf.cpp" line="524"/>
        <source>The image; outlined: at or above the pixel threshold (%1)</source>
        <translation>画像。縁取り: 画素しきい値（%1）以上の領域</translation>
    </message>
    <message>
        <location filename="../ui/review/report_pdf.cpp" line="564"/>
        <location filename="../ui/review/report_writer.cpp" line="452"/>
        <source>Overridden by the reviewer</source>
        <translation>確認者が変更した判定</translation>
    </message>
    <message>
        <location filename="../ui/review/report_pdf.cpp" line="565"/>
        <location filename="../ui/review/report_writer.cpp" line="452"/>
        <source>image</source>
        <translation>画像</translation>
    </message>
    <message>
        <location filename="../ui/review/report_pdf.cpp" line="565"/>
        <location filename="../ui/review/report_writer.cpp" line="452"/>
        <source>model</source>
        <translation>モデル</translation>
    </message>
    <message>
        <location filename="../ui/review/report_pdf.cpp" line="565"/>
        <location filename="../ui/review/report_writer.cpp" line="453"/>
        <source>reviewer</source>
        <translation>確認者</translation>
    </message>
    <message>
        <location filename="../ui/review/report_writer.cpp" line="456"/>
        <source>Kensa %1 · every image with its score, verdict and decision is in the CSV beside this file.</source>
        <translation>Kensa %1 · 全画像のスコア、判定、確認結果は、このファイルと同じフォルダーの CSV にあります。</translation>
    </message>
    <message>
        <location filename="../ui/review/report_pdf.cpp" line="581"/>
        <location filename="../ui/review/report_pdf.cpp" line="594"/>
        <location filename="../ui/review/report_writer.cpp" line="465"/>
        <source>Nothing to report: run an inspection first.</source>
        <translation>レポートする内容がありません。先に検査を実行してください。</translation>
    </message>
    <message>
        <location filename="../ui/review/report_pdf.cpp" line="584"/>
        <location filename="../ui/review/report_pdf.cpp" line="588"/>
        <location filename="../ui/review/report_pdf.cpp" line="596"/>
        <source>%1: cannot write the report: %2</source>
        <translation>%1: レポートを書き込めません: %2</translation>
    </message>
</context>
<context>
    <name>kensa::ui::AnnotationCanvas</name>
    <message>
        <location filename="../ui/canvas/annotation_canvas.cpp" line="16"/>
        <source>Select an image to annotate.</source>
        <translation>注釈を付ける画像を選択してください。</translation>
    </message>
</context>
<context>
    <name>kensa::ui::AnnotationController</name>
    <message>
        <location filename="../ui/canvas/annotation_controller.cpp" line="52"/>
        <source>%1 (%2)</source>
        <translation>%1 (%2)</translation>
    </message>
    <message>
        <location filename="../ui/canvas/annotation_controller.cpp" line="117"/>
        <source>Select an image to annotate.</source>
        <translation>注釈を付ける画像を選択してください。</translation>
    </message>
    <message>
        <location filename="../ui/canvas/annotation_controller.cpp" line="154"/>
        <source>The mask&apos;s size (%1 x %2) differs from the image&apos;s (%3 x %4).</source>
        <translation>マスクのサイズ (%1 x %2) が画像のサイズ (%3 x %4) と異なります。</translation>
    </message>
    <message>
        <location filename="../ui/canvas/annotation_controller.cpp" line="175"/>
        <source>This image cannot be shown.

%1</source>
        <translation>この画像を表示できません。

%1</translation>
    </message>
</context>
<context>
    <name>kensa::ui::AnnotationPanel</name>
    <message>
        <location filename="../ui/canvas/annotation_panel.cpp" line="65"/>
        <source>Image</source>
        <translation>画像</translation>
    </message>
    <message>
        <location filename="../ui/canvas/annotation_panel.cpp" line="74"/>
        <source>Normal</source>
        <translation>良品</translation>
    </message>
    <message>
        <location filename="../ui/canvas/annotation_panel.cpp" line="74"/>
        <source>Defect</source>
        <translation>不良</translation>
    </message>
    <message>
        <location filename="../ui/canvas/annotation_panel.cpp" line="74"/>
        <source>Unlabelled</source>
        <translation>未分類</translation>
    </message>
    <message>
        <location filename="../ui/canvas/annotation_panel.cpp" line="84"/>
        <source>A good part (N)</source>
        <translation>良品 (N)</translation>
    </message>
    <message>
        <location filename="../ui/canvas/annotation_panel.cpp" line="85"/>
        <source>A part with a defect (D)</source>
        <translation>不良品 (D)</translation>
    </message>
    <message>
        <location filename="../ui/canvas/annotation_panel.cpp" line="89"/>
        <source>The defect type of this image; its masks are drawn in the type&apos;s colour</source>
        <translation>この画像の欠陥の種類。マスクは種類ごとの色で表示されます</translation>
    </message>
    <message>
        <location filename="../ui/canvas/annotation_panel.cpp" line="92"/>
        <source>Add a defect type</source>
        <translation>欠陥の種類を追加</translation>
    </message>
    <message>
        <location filename="../ui/canvas/annotation_panel.cpp" line="105"/>
        <source>Flag for review</source>
        <translation>要確認にする</translation>
    </message>
    <message>
        <location filename="../ui/canvas/annotation_panel.cpp" line="109"/>
        <source>Mark this image to look at again (F)</source>
        <translation>あとで見直す画像に印を付ける (F)</translation>
    </message>
    <message>
        <location filename="../ui/canvas/annotation_panel.cpp" line="119"/>
        <source>Label</source>
        <translation>ラベル</translation>
    </message>
    <message>
        <location filename="../ui/canvas/annotation_panel.cpp" line="120"/>
        <source>Type</source>
        <translation>種類</translation>
    </message>
    <message>
        <location filename="../ui/canvas/annotation_panel.cpp" line="126"/>
        <source>Tools</source>
        <translation>ツール</translation>
    </message>
    <message>
        <location filename="../ui/canvas/annotation_panel.cpp" line="141"/>
        <source> px</source>
        <translation> px</translation>
    </message>
    <message>
        <location filename="../ui/canvas/annotation_panel.cpp" line="143"/>
        <source>Brush and eraser diameter in image pixels ([ and ] change it)</source>
        <translation>ブラシと消しゴムの直径（画像の画素単位、[ と ] で変更）</translation>
    </message>
    <message>
        <location filename="../ui/canvas/annotation_panel.cpp" line="156"/>
        <source>Brush size</source>
        <translation>ブラシの太さ</translation>
    </message>
    <message>
        <location filename="../ui/canvas/annotation_panel.cpp" line="157"/>
        <source>Masks do not apply to image classification: label each image Normal or Defect.</source>
        <translation>画像分類ではマスクを使いません。各画像に良品か不良のラベルを付けてください。</translation>
    </message>
    <message>
        <location filename="../ui/canvas/annotation_panel.cpp" line="164"/>
        <source>Right button: erase (brush) or clear (fill). Polygon: click corners, double-click to close. Region of interest: drag a rectangle or click a polygon around the part that matters. Space + drag or middle button: pan.</source>
        <translation>右ボタン: 消去（ブラシ）、領域を消去（塗りつぶし）。多角形: 角をクリックし、ダブルクリックで閉じます。検査領域: 重要な部分を矩形でドラッグするか、多角形でクリックして囲みます。Space + ドラッグまたは中ボタン: 表示を移動。</translation>
    </message>
    <message>
        <location filename="../ui/canvas/annotation_panel.cpp" line="178"/>
        <source>Mask display</source>
        <translation>マスク表示</translation>
    </message>
    <message>
        <location filename="../ui/canvas/annotation_panel.cpp" line="182"/>
        <source>How strongly the mask covers the image</source>
        <translation>マスクが画像を覆う濃さ</translation>
    </message>
    <message>
        <location filename="../ui/canvas/annotation_panel.cpp" line="185"/>
        <source>%1 %</source>
        <translation>%1 %</translation>
    </message>
    <message>
        <location filename="../ui/canvas/annotation_panel.cpp" line="195"/>
        <source>Opacity</source>
        <translation>不透明度</translation>
    </message>
    <message>
        <location filename="../ui/canvas/annotation_panel.cpp" line="208"/>
        <source>No defect types yet</source>
        <translation>欠陥の種類はまだありません</translation>
    </message>
    <message>
        <location filename="../ui/canvas/annotation_panel.cpp" line="228"/>
        <source>No image selected</source>
        <translation>画像が選択されていません</translation>
    </message>
    <message>
        <location filename="../ui/canvas/annotation_panel.cpp" line="236"/>
        <source>training image</source>
        <translation>学習用画像</translation>
    </message>
    <message>
        <location filename="../ui/canvas/annotation_panel.cpp" line="236"/>
        <source>test image</source>
        <translation>テスト画像</translation>
    </message>
    <message>
        <location filename="../ui/canvas/annotation_panel.cpp" line="249"/>
        <source>defect</source>
        <translation>欠陥</translation>
    </message>
    <message>
        <location filename="../ui/canvas/annotation_panel.cpp" line="255"/>
        <source>New defect type</source>
        <translation>新しい欠陥の種類</translation>
    </message>
    <message>
        <location filename="../ui/canvas/annotation_panel.cpp" line="256"/>
        <source>Name of the defect type (e.g. scratch, dent, stain):</source>
        <translation>欠陥の種類の名前（例：傷、へこみ、汚れ）：</translation>
    </message>
</context>
<context>
    <name>kensa::ui::BatchController</name>
    <message>
        <location filename="../ui/review/batch_controller.cpp" line="93"/>
        <source>Open a project first.</source>
        <translation>先にプロジェクトを開いてください。</translation>
    </message>
    <message>
        <location filename="../ui/review/batch_controller.cpp" line="95"/>
        <source>A batch inspection is running.</source>
        <translation>一括検査を実行中です。</translation>
    </message>
    <message>
        <location filename="../ui/review/batch_controller.cpp" line="97"/>
        <source>No active model. Train one in the Training panel.</source>
        <translation>使用中のモデルがありません。学習パネルで学習してください。</translation>
    </message>
    <message>
        <location filename="../ui/review/batch_controller.cpp" line="99"/>
        <source>The project has no images.</source>
        <translation>プロジェクトに画像がありません。</translation>
    </message>
    <message>
        <location filename="../ui/review/batch_controller.cpp" line="206"/>
        <source>The active model changed during the inspection; run it again.</source>
        <translation>検査中に使用中のモデルが変わりました。もう一度実行してください。</translation>
    </message>
</context>
<context>
    <name>kensa::ui::BrushTool</name>
    <message>
        <location filename="../ui/canvas/tools/brush_tool.h" line="14"/>
        <source>Brush</source>
        <translation>ブラシ</translation>
    </message>
    <message>
        <location filename="../ui/canvas/tools/brush_tool.h" line="27"/>
        <source>Brush stroke</source>
        <translation>ブラシで描画</translation>
    </message>
    <message>
        <location filename="../ui/canvas/tools/brush_tool.h" line="27"/>
        <source>Erase stroke</source>
        <translation>消しゴムで消去</translation>
    </message>
</context>
<context>
    <name>kensa::ui::ComparisonController</name>
    <message>
        <location filename="../ui/review/comparison_controller.cpp" line="36"/>
        <source>Open a project first.</source>
        <translation>先にプロジェクトを開いてください。</translation>
    </message>
    <message>
        <location filename="../ui/review/comparison_controller.cpp" line="38"/>
        <source>A comparison is running.</source>
        <translation>比較を実行中です。</translation>
    </message>
    <message>
        <location filename="../ui/review/comparison_controller.cpp" line="40"/>
        <source>Tick at least two models to compare.</source>
        <translation>比較するモデルを 2 つ以上チェックしてください。</translation>
    </message>
    <message>
        <location filename="../ui/review/comparison_controller.cpp" line="97"/>
        <source>%1: %2</source>
        <translation>%1: %2</translation>
    </message>
</context>
<context>
    <name>kensa::ui::ComparisonView</name>
    <message>
        <location filename="../ui/review/comparison_view.cpp" line="43"/>
        <source>Compare</source>
        <translation>比較</translation>
    </message>
    <message>
        <location filename="../ui/review/comparison_view.cpp" line="44"/>
        <source>Cancel</source>
        <translation>キャンセル</translation>
    </message>
    <message>
        <location filename="../ui/review/comparison_view.cpp" line="45"/>
        <source>Make active</source>
        <translation>使用する</translation>
    </message>
    <message>
        <location filename="../ui/review/comparison_view.cpp" line="49"/>
        <source>Pixel AUROC, AU-PRO and their curves do not apply to image classification: tiny images are scored whole, without defect masks.</source>
        <translation>画素 AUROC、AU-PRO とその曲線は画像分類には適用されません。小さな画像は欠陥マスクなしで画像全体として採点されます。</translation>
    </message>
    <message>
        <location filename="../ui/review/comparison_view.cpp" line="55"/>
        <source>Tick the models to compare on the project&apos;s test images</source>
        <translation>プロジェクトのテスト画像で比較するモデルにチェックを付けます</translation>
    </message>
    <message>
        <location filename="../ui/review/comparison_view.cpp" line="56"/>
        <source>Inspect the test images with every ticked model; images any of them trained on are left out for all</source>
        <translation>チェックしたすべてのモデルでテスト画像を検査します。いずれかのモデルが学習に使った画像は、すべてのモデルで除外します</translation>
    </message>
    <message>
        <location filename="../ui/review/comparison_view.cpp" line="58"/>
        <source>Use the model selected in the table for inspection</source>
        <translation>表で選択したモデルを検査に使用します</translation>
    </message>
    <message>
        <location filename="../ui/review/comparison_view.cpp" line="61"/>
        <source>Model</source>
        <translation>モデル</translation>
    </message>
    <message>
        <location filename="../ui/review/comparison_view.cpp" line="61"/>
        <source>Method</source>
        <translation>手法</translation>
    </message>
    <message>
        <location filename="../ui/review/comparison_view.cpp" line="61"/>
        <source>Image AUROC</source>
        <translation>画像 AUROC</translation>
    </message>
    <message>
        <location filename="../ui/review/comparison_view.cpp" line="61"/>
        <source>Pixel AUROC</source>
        <translation>画素 AUROC</translation>
    </message>
    <message>
        <location filename="../ui/review/comparison_view.cpp" line="61"/>
        <source>AU-PRO</source>
        <translation>AU-PRO</translation>
    </message>
    <message>
        <location filename="../ui/review/comparison_view.cpp" line="61"/>
        <source>Images</source>
        <translation>画像数</translation>
    </message>
    <message>
        <location filename="../ui/review/comparison_view.cpp" line="69"/>
        <source>Image ROC</source>
        <translation>画像 ROC</translation>
    </message>
    <message>
        <location filename="../ui/review/comparison_view.cpp" line="69"/>
        <source>Pixel ROC</source>
        <translation>画素 ROC</translation>
    </message>
    <message>
        <location filename="../ui/review/comparison_view.cpp" line="69"/>
        <source>PRO (FPR up to 0.3)</source>
        <translation>PRO（FPR 0.3 まで）</translation>
    </message>
    <message>
        <location filename="../ui/review/comparison_view.cpp" line="70"/>
        <source>True-positive rate</source>
        <translation>真陽性率</translation>
    </message>
    <message>
        <location filename="../ui/review/comparison_view.cpp" line="70"/>
        <source>Per-region overlap</source>
        <translation>領域ごとの重なり</translation>
    </message>
    <message>
        <location filename="../ui/review/comparison_view.cpp" line="76"/>
        <source>False-positive rate</source>
        <translation>偽陽性率</translation>
    </message>
    <message>
        <location filename="../ui/review/comparison_view.cpp" line="108"/>
        <source>Comparing…</source>
        <translation>比較中…</translation>
    </message>
    <message>
        <location filename="../ui/review/comparison_view.cpp" line="117"/>
        <source>Model %1 of %2: %3 of %4 images</source>
        <translation>モデル %1 / %2: 画像 %3 / %4</translation>
    </message>
    <message>
        <location filename="../ui/review/comparison_view.cpp" line="120"/>
        <source>Comparison cancelled.</source>
        <translation>比較をキャンセルしました。</translation>
    </message>
    <message>
        <location filename="../ui/review/comparison_view.cpp" line="210"/>
        <source>Tick at least two models</source>
        <translation>モデルを 2 つ以上チェックしてください</translation>
    </message>
    <message>
        <location filename="../ui/review/comparison_view.cpp" line="210"/>
        <source>Compare the ticked models</source>
        <translation>チェックしたモデルを比較します</translation>
    </message>
</context>
<context>
    <name>kensa::ui::EraserTool</name>
    <message>
        <location filename="../ui/canvas/tools/brush_tool.h" line="43"/>
        <source>Eraser</source>
        <translation>消しゴム</translation>
    </message>
</context>
<context>
    <name>kensa::ui::FillTool</name>
    <message>
        <location filename="../ui/canvas/tools/fill_tool.cpp" line="17"/>
        <location filename="../ui/canvas/tools/fill_tool.h" line="15"/>
        <source>Fill</source>
        <translation>塗りつぶし</translation>
    </message>
    <message>
        <location filename="../ui/canvas/tools/fill_tool.cpp" line="17"/>
        <source>Clear area</source>
        <translation>領域を消去</translation>
    </message>
</context>
<context>
    <name>kensa::ui::ImageBrowser</name>
    <message>
        <location filename="../ui/browser/image_browser.cpp" line="21"/>
        <source>All images</source>
        <translation>すべての画像</translation>
    </message>
    <message>
        <location filename="../ui/browser/image_browser.cpp" line="22"/>
        <source>Normal</source>
        <translation>良品</translation>
    </message>
    <message>
        <location filename="../ui/browser/image_browser.cpp" line="23"/>
        <source>Defect</source>
        <translation>不良</translation>
    </message>
    <message>
        <location filename="../ui/browser/image_browser.cpp" line="24"/>
        <source>Unlabelled</source>
        <translation>未分類</translation>
    </message>
    <message>
        <location filename="../ui/browser/image_browser.cpp" line="25"/>
        <source>Flagged</source>
        <translation>要確認</translation>
    </message>
    <message>
        <location filename="../ui/browser/image_browser.cpp" line="26"/>
        <source>Unreadable</source>
        <translation>読み込めない画像</translation>
    </message>
    <message>
        <location filename="../ui/browser/image_browser.cpp" line="27"/>
        <source>Show images by label</source>
        <translation>ラベルで画像を絞り込む</translation>
    </message>
    <message>
        <location filename="../ui/browser/image_browser.cpp" line="29"/>
        <source>Train + test</source>
        <translation>学習 + テスト</translation>
    </message>
    <message>
        <location filename="../ui/browser/image_browser.cpp" line="30"/>
        <source>Training</source>
        <translation>学習用</translation>
    </message>
    <message>
        <location filename="../ui/browser/image_browser.cpp" line="31"/>
        <source>Test</source>
        <translation>テスト</translation>
    </message>
    <message>
        <location filename="../ui/browser/image_browser.cpp" line="32"/>
        <source>Show training images (normal parts to learn from), test images, or both</source>
        <translation>学習用画像（学習に使う良品）、テスト画像、またはその両方を表示</translation>
    </message>
    <message>
        <location filename="../ui/browser/image_browser.cpp" line="34"/>
        <source>Filter by name</source>
        <translation>名前で絞り込む</translation>
    </message>
    <message numerus="yes">
        <location filename="../ui/browser/image_browser.cpp" line="109"/>
        <source>%n image(s)</source>
        <translation>
            <numerusform>%n 枚の画像</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../ui/browser/image_browser.cpp" line="110"/>
        <source>%1 of %n image(s)</source>
        <translation>
            <numerusform>%n 枚中 %1 枚</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>kensa::ui::ImageListModel</name>
    <message>
        <location filename="../ui/browser/image_list_model.cpp" line="42"/>
        <source>Cannot be read: %1</source>
        <translation>読み込めません：%1</translation>
    </message>
</context>
<context>
    <name>kensa::ui::InspectionPanel</name>
    <message>
        <location filename="../ui/inspection/inspection_panel.cpp" line="57"/>
        <source>Heatmap</source>
        <translation>ヒートマップ</translation>
    </message>
    <message>
        <location filename="../ui/inspection/inspection_panel.cpp" line="62"/>
        <source>Heatmap opacity</source>
        <translation>ヒートマップの不透明度</translation>
    </message>
    <message>
        <location filename="../ui/inspection/inspection_panel.cpp" line="64"/>
        <source>Jet</source>
        <translation>Jet</translation>
    </message>
    <message>
        <location filename="../ui/inspection/inspection_panel.cpp" line="65"/>
        <source>Turbo</source>
        <translation>Turbo</translation>
    </message>
    <message>
        <location filename="../ui/inspection/inspection_panel.cpp" line="66"/>
        <source>Inferno</source>
        <translation>Inferno</translation>
    </message>
    <message>
        <location filename="../ui/inspection/inspection_panel.cpp" line="67"/>
        <source>Viridis</source>
        <translation>Viridis</translation>
    </message>
    <message>
        <location filename="../ui/inspection/inspection_panel.cpp" line="72"/>
        <source>Images scoring at or above this are NG</source>
        <translation>スコアがこの値以上の画像は NG</translation>
    </message>
    <message>
        <location filename="../ui/inspection/inspection_panel.cpp" line="73"/>
        <source>Pixels at or above this are outlined as defect</source>
        <translation>この値以上の画素を欠陥として縁取ります</translation>
    </message>
    <message>
        <location filename="../ui/inspection/inspection_panel.cpp" line="74"/>
        <source>Model defaults</source>
        <translation>モデルの既定値</translation>
    </message>
    <message>
        <location filename="../ui/inspection/inspection_panel.cpp" line="75"/>
        <source>The model&apos;s thresholds, learned from held-out normal images</source>
        <translation>取り分けた良品画像から求めた、モデルのしきい値</translation>
    </message>
    <message>
        <location filename="../ui/inspection/inspection_panel.cpp" line="76"/>
        <source>F1-optimal</source>
        <translation>F1 最適</translation>
    </message>
    <message>
        <location filename="../ui/inspection/inspection_panel.cpp" line="78"/>
        <source>The thresholds with the best F1 score on labelled images (run a batch inspection first)</source>
        <translation>ラベル付き画像で F1 スコアが最も高くなるしきい値（先に一括検査を実行してください）</translation>
    </message>
    <message>
        <location filename="../ui/inspection/inspection_panel.cpp" line="87"/>
        <source>Heatmap, outlines and the pixel threshold do not apply to image classification: each tiny image is scored whole.</source>
        <translation>ヒートマップ、縁取り、画素しきい値は画像分類には適用されません。小さな画像は 1 枚ずつ画像全体として採点されます。</translation>
    </message>
    <message>
        <location filename="../ui/inspection/inspection_panel.cpp" line="95"/>
        <source>Image threshold</source>
        <translation>画像しきい値</translation>
    </message>
    <message>
        <location filename="../ui/inspection/inspection_panel.cpp" line="96"/>
        <source>Pixel threshold</source>
        <translation>画素しきい値</translation>
    </message>
    <message>
        <location filename="../ui/inspection/inspection_panel.cpp" line="116"/>
        <source>The active model cannot be used: %1</source>
        <translation>使用中のモデルを使えません: %1</translation>
    </message>
    <message>
        <location filename="../ui/inspection/inspection_panel.cpp" line="173"/>
        <location filename="../ui/inspection/inspection_panel.cpp" line="175"/>
        <source>Inspecting…</source>
        <translation>検査中…</translation>
    </message>
    <message>
        <location filename="../ui/inspection/inspection_panel.cpp" line="210"/>
        <source>No active model. Train one in the Training panel.</source>
        <translation>使用中のモデルがありません。学習パネルで学習してください。</translation>
    </message>
    <message>
        <location filename="../ui/inspection/inspection_panel.cpp" line="211"/>
        <source>Inspection needs a trained model.</source>
        <translation>検査には学習済みモデルが必要です。</translation>
    </message>
    <message>
        <location filename="../ui/inspection/inspection_panel.cpp" line="214"/>
        <source>Model: %1</source>
        <translation>モデル: %1</translation>
    </message>
    <message>
        <location filename="../ui/inspection/inspection_panel.cpp" line="219"/>
        <source>Select an image to inspect it.</source>
        <translation>検査する画像を選んでください。</translation>
    </message>
    <message>
        <location filename="../ui/inspection/inspection_panel.cpp" line="275"/>
        <source>Score %1</source>
        <translation>スコア %1</translation>
    </message>
    <message>
        <location filename="../ui/inspection/inspection_panel.cpp" line="277"/>
        <source>NG</source>
        <translation>NG</translation>
    </message>
    <message>
        <location filename="../ui/inspection/inspection_panel.cpp" line="277"/>
        <source>OK</source>
        <translation>OK</translation>
    </message>
</context>
<context>
    <name>kensa::ui::LossPlot</name>
    <message>
        <location filename="../ui/training/loss_plot.cpp" line="15"/>
        <source>Step</source>
        <translation>ステップ</translation>
    </message>
    <message>
        <location filename="../ui/training/loss_plot.cpp" line="16"/>
        <source>Loss</source>
        <translation>損失</translation>
    </message>
    <message>
        <location filename="../ui/training/loss_plot.cpp" line="18"/>
        <source>each step</source>
        <translation>各ステップ</translation>
    </message>
    <message>
        <location filename="../ui/training/loss_plot.cpp" line="21"/>
        <source>epoch mean</source>
        <translation>エポック平均</translation>
    </message>
</context>
<context>
    <name>kensa::ui::MainWindow</name>
    <message>
        <location filename="../ui/main/main_window.cpp" line="125"/>
        <source>Not saved</source>
        <translation>未保存</translation>
    </message>
    <message>
        <location filename="../ui/main/main_window.cpp" line="130"/>
        <source>Saving failed</source>
        <translation>保存に失敗しました</translation>
    </message>
    <message>
        <location filename="../ui/main/main_window.cpp" line="131"/>
        <source>%1

Your latest changes are not on disk. Check the disk space and the folder&apos;s permissions; Kensa tries again with your next change.</source>
        <translation>%1

最新の変更はディスクに保存されていません。ディスクの空き容量とフォルダーのアクセス権を確認してください。次に変更したときに Kensa が再度保存します。</translation>
    </message>
    <message>
        <location filename="../ui/main/main_window.cpp" line="137"/>
        <location filename="../ui/main/main_window.cpp" line="470"/>
        <source>All changes saved</source>
        <translation>すべて保存済み</translation>
    </message>
    <message>
        <location filename="../ui/main/main_window.cpp" line="154"/>
        <location filename="../ui/main/main_window.cpp" line="276"/>
        <source>%1 %</source>
        <translation>%1 %</translation>
    </message>
    <message>
        <location filename="../ui/main/main_window.cpp" line="157"/>
        <source>x %1  y %2</source>
        <translation>x %1  y %2</translation>
    </message>
    <message>
        <location filename="../ui/main/main_window.cpp" line="186"/>
        <source>Images</source>
        <translation>画像</translation>
    </message>
    <message>
        <location filename="../ui/main/main_window.cpp" line="190"/>
        <source>Annotation</source>
        <translation>注釈</translation>
    </message>
    <message>
        <location filename="../ui/main/main_window.cpp" line="200"/>
        <source>Synthetic Defects</source>
        <translation>合成欠陥</translation>
    </message>
    <message>
        <location filename="../ui/main/main_window.cpp" line="204"/>
        <source>Training</source>
        <translation>学習</translation>
    </message>
    <message>
        <location filename="../ui/main/main_window.cpp" line="210"/>
        <source>Inspection</source>
        <translation>検査</translation>
    </message>
    <message>
        <location filename="../ui/main/main_window.cpp" line="213"/>
        <source>Review</source>
        <translation>判定確認</translation>
    </message>
    <message>
        <location filename="../ui/main/main_window.cpp" line="216"/>
        <source>Plots</source>
        <translation>グラフ</translation>
    </message>
    <message>
        <location filename="../ui/main/main_window.cpp" line="238"/>
        <source>Compare models</source>
        <translation>モデル比較</translation>
    </message>
    <message>
        <location filename="../ui/main/main_window.cpp" line="223"/>
        <source>Run</source>
        <translation>ライン運転</translation>
    </message>
    <message>
        <location filename="../ui/main/main_window.cpp" line="110"/>
        <source>Drag a rectangle, or click the corners of a polygon and double-click to close it, around the part of the image that matters.</source>
        <translation>画像の重要な部分を、矩形をドラッグするか、多角形の角をクリックしてダブルクリックで閉じて囲んでください。</translation>
    </message>
    <message>
        <location filename="../ui/main/main_window.cpp" line="225"/>
        <source>Issues</source>
        <translation>問題</translation>
    </message>
    <message>
        <location filename="../ui/main/main_window.cpp" line="234"/>
        <source>Inspect</source>
        <translation>検査</translation>
    </message>
    <message>
        <location filename="../ui/main/main_window.cpp" line="236"/>
        <source>Synthetic defects</source>
        <translation>合成欠陥</translation>
    </message>
    <message>
        <location filename="../ui/main/main_window.cpp" line="253"/>
        <source>&amp;Annotate</source>
        <translation>注釈(&amp;A)</translation>
    </message>
    <message>
        <location filename="../ui/main/main_window.cpp" line="253"/>
        <source>&amp;Inspect</source>
        <translation>検査(&amp;I)</translation>
    </message>
    <message>
        <location filename="../ui/main/main_window.cpp" line="253"/>
        <source>&amp;Synthetic Defects</source>
        <translation>合成欠陥(&amp;S)</translation>
    </message>
    <message>
        <location filename="../ui/main/main_window.cpp" line="253"/>
        <source>&amp;Compare Models</source>
        <translation>モデル比較(&amp;C)</translation>
    </message>
    <message>
        <location filename="../ui/main/main_window.cpp" line="286"/>
        <source>&amp;Undo</source>
        <translation>元に戻す(&amp;U)</translation>
    </message>
    <message>
        <location filename="../ui/main/main_window.cpp" line="289"/>
        <source>&amp;Redo</source>
        <translation>やり直す(&amp;R)</translation>
    </message>
    <message>
        <location filename="../ui/main/main_window.cpp" line="307"/>
        <source>Mark as &amp;Normal</source>
        <translation>良品にする(&amp;N)</translation>
    </message>
    <message>
        <location filename="../ui/main/main_window.cpp" line="310"/>
        <source>Mark as &amp;Defect</source>
        <translation>不良にする(&amp;D)</translation>
    </message>
    <message>
        <location filename="../ui/main/main_window.cpp" line="313"/>
        <source>Mark as &amp;Unlabelled</source>
        <translation>未分類にする(&amp;U)</translation>
    </message>
    <message>
        <location filename="../ui/main/main_window.cpp" line="314"/>
        <source>&amp;Flag for Review</source>
        <translation>要確認にする(&amp;F)</translation>
    </message>
    <message>
        <location filename="../ui/main/main_window.cpp" line="319"/>
        <source>&amp;Previous Image</source>
        <translation>前の画像(&amp;P)</translation>
    </message>
    <message>
        <location filename="../ui/main/main_window.cpp" line="322"/>
        <source>&amp;Next Image</source>
        <translation>次の画像(&amp;N)</translation>
    </message>
    <message>
        <location filename="../ui/main/main_window.cpp" line="329"/>
        <source>Larger Brush</source>
        <translation>ブラシを太く</translation>
    </message>
    <message>
        <location filename="../ui/main/main_window.cpp" line="330"/>
        <source>Smaller Brush</source>
        <translation>ブラシを細く</translation>
    </message>
    <message>
        <location filename="../ui/main/main_window.cpp" line="343"/>
        <source>Zoom to &amp;Fit</source>
        <translation>全体表示(&amp;F)</translation>
    </message>
    <message>
        <location filename="../ui/main/main_window.cpp" line="344"/>
        <source>&amp;Actual Size (1:1)</source>
        <translation>等倍表示 (1:1)(&amp;A)</translation>
    </message>
    <message>
        <location filename="../ui/main/main_window.cpp" line="346"/>
        <source>Zoom &amp;In</source>
        <translation>拡大(&amp;I)</translation>
    </message>
    <message>
        <location filename="../ui/main/main_window.cpp" line="347"/>
        <source>Zoom &amp;Out</source>
        <translation>縮小(&amp;O)</translation>
    </message>
    <message>
        <location filename="../ui/main/main_window.cpp" line="354"/>
        <source>&amp;File</source>
        <translation>ファイル(&amp;F)</translation>
    </message>
    <message>
        <location filename="../ui/main/main_window.cpp" line="364"/>
        <source>&amp;Quit</source>
        <translation>終了(&amp;Q)</translation>
    </message>
    <message>
        <location filename="../ui/main/main_window.cpp" line="367"/>
        <source>&amp;Edit</source>
        <translation>編集(&amp;E)</translation>
    </message>
    <message>
        <location filename="../ui/main/main_window.cpp" line="369"/>
        <source>&amp;Image</source>
        <translation>画像(&amp;I)</translation>
    </message>
    <message>
        <location filename="../ui/main/main_window.cpp" line="373"/>
        <source>&amp;Tools</source>
        <translation>ツール(&amp;T)</translation>
    </message>
    <message>
        <location filename="../ui/main/main_window.cpp" line="377"/>
        <source>&amp;View</source>
        <translation>表示(&amp;V)</translation>
    </message>
    <message>
        <location filename="../ui/main/main_window.cpp" line="386"/>
        <source>&amp;Help</source>
        <translation>ヘルプ(&amp;H)</translation>
    </message>
    <message>
        <location filename="../ui/main/main_window.cpp" line="387"/>
        <source>&amp;About Kensa</source>
        <translation>Kensa について(&amp;A)</translation>
    </message>
    <message>
        <location filename="../ui/main/main_window.cpp" line="389"/>
        <source>About Kensa</source>
        <translation>Kensa について</translation>
    </message>
    <message>
        <location filename="../ui/main/main_window.cpp" line="390"/>
        <source>&lt;h3&gt;Kensa %1&lt;/h3&gt;&lt;p&gt;Visual anomaly inspection (ADTR) for quality engineers.&lt;/p&gt;&lt;p&gt;MIT licence.&lt;/p&gt;</source>
        <translation>&lt;h3&gt;Kensa %1&lt;/h3&gt;&lt;p&gt;品質技術者のための外観異常検査 (ADTR)。&lt;/p&gt;&lt;p&gt;MIT ライセンス。&lt;/p&gt;</translation>
    </message>
    <message>
        <location filename="../ui/main/main_window.cpp" line="397"/>
        <source>Project</source>
        <translation>プロジェクト</translation>
    </message>
    <message>
        <location filename="../ui/main/main_window.cpp" line="402"/>
        <source>New</source>
        <translation>新規</translation>
    </message>
    <message>
        <location filename="../ui/main/main_window.cpp" line="403"/>
        <source>Open</source>
        <translation>開く</translation>
    </message>
    <message>
        <location filename="../ui/main/main_window.cpp" line="404"/>
        <source>Save</source>
        <translation>保存</translation>
    </message>
    <message>
        <location filename="../ui/main/main_window.cpp" line="405"/>
        <source>Normal images</source>
        <translation>良品画像</translation>
    </message>
    <message>
        <location filename="../ui/main/main_window.cpp" line="406"/>
        <source>Test images</source>
        <translation>テスト画像</translation>
    </message>
    <message>
        <location filename="../ui/main/main_window.cpp" line="407"/>
        <source>Import MVTec</source>
        <translation>MVTec 取り込み</translation>
    </message>
    <message>
        <location filename="../ui/main/main_window.cpp" line="233"/>
        <location filename="../ui/main/main_window.cpp" line="412"/>
        <source>Annotate</source>
        <translation>注釈</translation>
    </message>
    <message>
        <location filename="../ui/main/main_window.cpp" line="428"/>
        <source>Normal-only: Kensa learns from normal images alone. Anomaly-available: you marked defects, which training can use as well.</source>
        <translation>良品のみ: Kensa は良品画像だけから学習します。異常データあり: マーク済みの欠陥があり、学習にも使えます。</translation>
    </message>
    <message>
        <location filename="../ui/main/main_window.cpp" line="483"/>
        <source>This project has no images yet.

Add a folder of normal images (good parts) with File &gt; Add Normal Images, or import an MVTec AD product.</source>
        <translation>このプロジェクトにはまだ画像がありません。

「ファイル」&gt;「良品画像を追加」で良品画像のフォルダーを追加するか、MVTec AD 製品を取り込んでください。</translation>
    </message>
    <message>
        <location filename="../ui/main/main_window.cpp" line="508"/>
        <source>%1 — Kensa</source>
        <translation>%1 — Kensa</translation>
    </message>
    <message>
        <location filename="../ui/main/main_window.cpp" line="508"/>
        <source>Kensa</source>
        <translation>Kensa</translation>
    </message>
    <message>
        <location filename="../ui/main/main_window.cpp" line="515"/>
        <source>Anomaly-available</source>
        <translation>異常データあり</translation>
    </message>
    <message>
        <location filename="../ui/main/main_window.cpp" line="515"/>
        <source>Normal-only</source>
        <translation>良品のみ</translation>
    </message>
    <message>
        <location filename="../ui/main/main_window.cpp" line="517"/>
        <source>Image classification · %1</source>
        <translation>画像分類 · %1</translation>
    </message>
    <message>
        <location filename="../ui/main/main_window.cpp" line="529"/>
        <source>Issues (%1)</source>
        <translation>問題 (%1)</translation>
    </message>
    <message>
        <location filename="../ui/main/main_window.cpp" line="545"/>
        <source>defect</source>
        <translation>欠陥</translation>
    </message>
</context>
<context>
    <name>kensa::ui::ModelListModel</name>
    <message>
        <location filename="../ui/training/model_list_model.cpp" line="62"/>
        <source>%1 (active)</source>
        <translation>%1（使用中）</translation>
    </message>
    <message>
        <location filename="../ui/training/model_list_model.cpp" line="64"/>
        <source>%1
%2, %3</source>
        <translation>%1
%2、%3</translation>
    </message>
    <message>
        <location filename="../ui/training/model_list_model.cpp" line="112"/>
        <source>Could not delete %1: %2</source>
        <translation>%1 を削除できませんでした: %2</translation>
    </message>
</context>
<context>
    <name>kensa::ui::PolygonTool</name>
    <message>
        <location filename="../ui/canvas/tools/polygon_tool.cpp" line="87"/>
        <location filename="../ui/canvas/tools/polygon_tool.h" line="17"/>
        <source>Polygon</source>
        <translation>多角形</translation>
    </message>
</context>
<context>
    <name>kensa::ui::ProjectActions</name>
    <message>
        <location filename="../ui/main/project_actions.cpp" line="34"/>
        <source>&amp;New Project…</source>
        <translation>新規プロジェクト(&amp;N)…</translation>
    </message>
    <message>
        <location filename="../ui/main/project_actions.cpp" line="35"/>
        <source>&amp;Open Project…</source>
        <translation>プロジェクトを開く(&amp;O)…</translation>
    </message>
    <message>
        <location filename="../ui/main/project_actions.cpp" line="36"/>
        <source>Open &amp;Sample Project</source>
        <translation>サンプルプロジェクトを開く(&amp;S)</translation>
    </message>
    <message>
        <location filename="../ui/main/project_actions.cpp" line="37"/>
        <source>&amp;Save</source>
        <translation>保存(&amp;S)</translation>
    </message>
    <message>
        <location filename="../ui/main/project_actions.cpp" line="38"/>
        <source>Save the project now (Kensa also saves every change as you make it)</source>
        <translation>プロジェクトを今すぐ保存します（Kensa は変更のたびに自動でも保存します）</translation>
    </message>
    <message>
        <location filename="../ui/main/project_actions.cpp" line="39"/>
        <source>&amp;Close Project</source>
        <translation>プロジェクトを閉じる(&amp;C)</translation>
    </message>
    <message>
        <location filename="../ui/main/project_actions.cpp" line="40"/>
        <source>Add &amp;Normal Images…</source>
        <translation>良品画像を追加(&amp;N)…</translation>
    </message>
    <message>
        <location filename="../ui/main/project_actions.cpp" line="41"/>
        <source>Add a folder of good parts to learn from (training images)</source>
        <translation>学習に使う良品の画像フォルダーを追加します（学習用画像）</translation>
    </message>
    <message>
        <location filename="../ui/main/project_actions.cpp" line="42"/>
        <source>Add &amp;Test Images…</source>
        <translation>テスト画像を追加(&amp;T)…</translation>
    </message>
    <message>
        <location filename="../ui/main/project_actions.cpp" line="43"/>
        <source>Add a folder of images to review and label (test images)</source>
        <translation>確認してラベルを付ける画像のフォルダーを追加します（テスト画像）</translation>
    </message>
    <message>
        <location filename="../ui/main/project_actions.cpp" line="44"/>
        <source>&amp;Import MVTec AD Product…</source>
        <translation>MVTec AD 製品を取り込む(&amp;I)…</translation>
    </message>
    <message>
        <location filename="../ui/main/project_actions.cpp" line="45"/>
        <source>Import a product in MVTec AD layout, with its ground-truth masks</source>
        <translation>MVTec AD 形式の製品を、正解マスクごと取り込みます</translation>
    </message>
    <message>
        <location filename="../ui/main/project_actions.cpp" line="46"/>
        <source>Open &amp;Recent</source>
        <translation>最近使ったプロジェクト(&amp;R)</translation>
    </message>
    <message>
        <location filename="../ui/main/project_actions.cpp" line="53"/>
        <source>Project saved.</source>
        <translation>プロジェクトを保存しました。</translation>
    </message>
    <message>
        <location filename="../ui/main/project_actions.cpp" line="72"/>
        <source>Where to create the project folder</source>
        <translation>プロジェクトフォルダーの作成場所</translation>
    </message>
    <message>
        <location filename="../ui/main/project_actions.cpp" line="76"/>
        <location filename="../ui/main/project_actions.cpp" line="85"/>
        <source>New Project</source>
        <translation>新規プロジェクト</translation>
    </message>
    <message>
        <location filename="../ui/main/project_actions.cpp" line="77"/>
        <source>Product name (the project folder gets this name):</source>
        <translation>製品名（プロジェクトフォルダーの名前になります）：</translation>
    </message>
    <message>
        <location filename="../ui/main/project_actions.cpp" line="78"/>
        <source>New product</source>
        <translation>新しい製品</translation>
    </message>
    <message>
        <location filename="../ui/main/project_actions.cpp" line="83"/>
        <source>Defect inspection: find and outline defects in parts</source>
        <translation>欠陥検査: 部品の欠陥を見つけて縁取りする</translation>
    </message>
    <message>
        <location filename="../ui/main/project_actions.cpp" line="84"/>
        <source>Image classification: sort tiny images (16-48 px) as a whole</source>
        <translation>画像分類: 小さな画像（16〜48 px）を画像全体で分ける</translation>
    </message>
    <message>
        <location filename="../ui/main/project_actions.cpp" line="85"/>
        <source>What the project is for:</source>
        <translation>プロジェクトの用途:</translation>
    </message>
    <message>
        <location filename="../ui/main/project_actions.cpp" line="91"/>
        <source>Cannot create the project</source>
        <translation>プロジェクトを作成できません</translation>
    </message>
    <message>
        <location filename="../ui/main/project_actions.cpp" line="104"/>
        <source>Open a project folder</source>
        <translation>プロジェクトフォルダーを開く</translation>
    </message>
    <message>
        <location filename="../ui/main/project_actions.cpp" line="111"/>
        <source>Cannot open the project</source>
        <translation>プロジェクトを開けません</translation>
    </message>
    <message>
        <location filename="../ui/main/project_actions.cpp" line="127"/>
        <source>Opened %1</source>
        <translation>%1 を開きました</translation>
    </message>
    <message>
        <location filename="../ui/main/project_actions.cpp" line="131"/>
        <source>Preparing the sample project…</source>
        <translation>サンプルプロジェクトを準備しています…</translation>
    </message>
    <message>
        <location filename="../ui/main/project_actions.cpp" line="131"/>
        <source>Cancel</source>
        <translation>キャンセル</translation>
    </message>
    <message>
        <location filename="../ui/main/project_actions.cpp" line="132"/>
        <source>Sample Project</source>
        <translation>サンプルプロジェクト</translation>
    </message>
    <message>
        <location filename="../ui/main/project_actions.cpp" line="155"/>
        <source>Cannot prepare the sample project</source>
        <translation>サンプルプロジェクトを準備できません</translation>
    </message>
    <message>
        <location filename="../ui/main/project_actions.cpp" line="165"/>
        <source>Folder of normal images (good parts)</source>
        <translation>良品画像のフォルダー</translation>
    </message>
    <message>
        <location filename="../ui/main/project_actions.cpp" line="166"/>
        <source>Folder of test images to review</source>
        <translation>確認するテスト画像のフォルダー</translation>
    </message>
    <message>
        <location filename="../ui/main/project_actions.cpp" line="173"/>
        <source>MVTec AD product folder</source>
        <translation>MVTec AD 製品フォルダー</translation>
    </message>
    <message>
        <location filename="../ui/main/project_actions.cpp" line="194"/>
        <source>Reading %1…</source>
        <translation>%1 を読み込んでいます…</translation>
    </message>
    <message>
        <location filename="../ui/main/project_actions.cpp" line="199"/>
        <source>Cannot add images</source>
        <translation>画像を追加できません</translation>
    </message>
    <message numerus="yes">
        <location filename="../ui/main/project_actions.cpp" line="212"/>
        <source>Added %n image(s) from %1.</source>
        <translation>
            <numerusform>%1 から %n 枚の画像を追加しました。</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>kensa::ui::ProjectSession</name>
    <message>
        <location filename="../ui/project/project_session.cpp" line="52"/>
        <source>%1 is open in another Kensa (process %2 on %3). Close it there first.</source>
        <translation>%1 は別の Kensa で開かれています（%3 のプロセス %2）。先にそちらで閉じてください。</translation>
    </message>
    <message>
        <location filename="../ui/project/project_session.cpp" line="56"/>
        <source>%1: cannot create a lock file (is the folder writable?)</source>
        <translation>%1: ロックファイルを作成できません（フォルダーに書き込めますか？）</translation>
    </message>
</context>
<context>
    <name>kensa::ui::RegionTool</name>
    <message>
        <location filename="../ui/canvas/tools/region_tool.h" line="17"/>
        <source>Region of interest</source>
        <translation>検査領域</translation>
    </message>
</context>
<context>
    <name>kensa::ui::ReviewModel</name>
    <message>
        <location filename="../ui/review/review_model.cpp" line="90"/>
        <source>NG</source>
        <translation>NG</translation>
    </message>
    <message>
        <location filename="../ui/review/review_model.cpp" line="92"/>
        <source>OK</source>
        <translation>OK</translation>
    </message>
    <message>
        <location filename="../ui/review/review_model.cpp" line="96"/>
        <source>failed</source>
        <translation>エラー</translation>
    </message>
    <message>
        <location filename="../ui/review/review_model.cpp" line="102"/>
        <source>NG (reviewed)</source>
        <translation>NG（確認済み）</translation>
    </message>
    <message>
        <location filename="../ui/review/review_model.cpp" line="104"/>
        <source>OK (reviewed)</source>
        <translation>OK（確認済み）</translation>
    </message>
    <message>
        <location filename="../ui/review/review_model.cpp" line="145"/>
        <source>normal</source>
        <translation>良品</translation>
    </message>
    <message>
        <location filename="../ui/review/review_model.cpp" line="147"/>
        <source>defect</source>
        <translation>不良</translation>
    </message>
    <message>
        <location filename="../ui/review/review_model.cpp" line="196"/>
        <source>Image</source>
        <translation>画像</translation>
    </message>
    <message>
        <location filename="../ui/review/review_model.cpp" line="198"/>
        <source>Label</source>
        <translation>ラベル</translation>
    </message>
    <message>
        <location filename="../ui/review/review_model.cpp" line="200"/>
        <source>Score</source>
        <translation>スコア</translation>
    </message>
    <message>
        <location filename="../ui/review/review_model.cpp" line="202"/>
        <source>Verdict</source>
        <translation>判定</translation>
    </message>
    <message>
        <location filename="../ui/review/review_model.cpp" line="204"/>
        <source>Review</source>
        <translation>確認</translation>
    </message>
</context>
<context>
    <name>kensa::ui::ReviewPanel</name>
    <message>
        <location filename="../ui/review/review_panel.cpp" line="49"/>
        <source>Inspect test images</source>
        <translation>テスト画像を検査</translation>
    </message>
    <message>
        <location filename="../ui/review/review_panel.cpp" line="50"/>
        <source>Run the active model over the project&apos;s test images (all images if it has none)</source>
        <translation>使用中のモデルでプロジェクトのテスト画像を検査します（テスト画像がなければ全画像）</translation>
    </message>
    <message>
        <location filename="../ui/review/review_panel.cpp" line="51"/>
        <source>Cancel</source>
        <translation>キャンセル</translation>
    </message>
    <message>
        <location filename="../ui/review/review_panel.cpp" line="64"/>
        <source>All verdicts</source>
        <translation>すべての判定</translation>
    </message>
    <message>
        <location filename="../ui/review/review_panel.cpp" line="65"/>
        <source>NG only</source>
        <translation>NG のみ</translation>
    </message>
    <message>
        <location filename="../ui/review/review_panel.cpp" line="66"/>
        <source>OK only</source>
        <translation>OK のみ</translation>
    </message>
    <message>
        <location filename="../ui/review/review_panel.cpp" line="67"/>
        <source>Failed only</source>
        <translation>エラーのみ</translation>
    </message>
    <message>
        <location filename="../ui/review/review_panel.cpp" line="69"/>
        <source>Any review</source>
        <translation>すべての確認状態</translation>
    </message>
    <message>
        <location filename="../ui/review/review_panel.cpp" line="70"/>
        <source>Not reviewed</source>
        <translation>未確認</translation>
    </message>
    <message>
        <location filename="../ui/review/review_panel.cpp" line="71"/>
        <source>Reviewed</source>
        <translation>確認済み</translation>
    </message>
    <message>
        <location filename="../ui/review/review_panel.cpp" line="72"/>
        <source>Reviewed NG</source>
        <translation>確認済み NG</translation>
    </message>
    <message>
        <location filename="../ui/review/review_panel.cpp" line="73"/>
        <source>Reviewed OK</source>
        <translation>確認済み OK</translation>
    </message>
    <message>
        <location filename="../ui/review/review_panel.cpp" line="78"/>
        <source>any score</source>
        <translation>指定なし</translation>
    </message>
    <message>
        <location filename="../ui/review/review_panel.cpp" line="81"/>
        <source>Show only images scoring at least this</source>
        <translation>スコアがこの値以上の画像だけを表示</translation>
    </message>
    <message>
        <location filename="../ui/review/review_panel.cpp" line="107"/>
        <source>Next flagged</source>
        <translation>次の未確認 NG</translation>
    </message>
    <message>
        <location filename="../ui/review/review_panel.cpp" line="107"/>
        <source>The next NG image not reviewed yet</source>
        <translation>まだ確認していない次の NG 画像</translation>
    </message>
    <message>
        <location filename="../ui/review/review_panel.cpp" line="108"/>
        <source>Confirm NG</source>
        <translation>NG を確定</translation>
    </message>
    <message>
        <location filename="../ui/review/review_panel.cpp" line="108"/>
        <source>The part is defective, as the model says</source>
        <translation>モデルの判定どおり不良品です</translation>
    </message>
    <message>
        <location filename="../ui/review/review_panel.cpp" line="109"/>
        <source>Override to OK</source>
        <translation>OK に変更</translation>
    </message>
    <message>
        <location filename="../ui/review/review_panel.cpp" line="109"/>
        <source>The part is good, whatever the model says</source>
        <translation>モデルの判定にかかわらず良品です</translation>
    </message>
    <message>
        <location filename="../ui/review/review_panel.cpp" line="110"/>
        <source>Clear</source>
        <translation>クリア</translation>
    </message>
    <message>
        <location filename="../ui/review/review_panel.cpp" line="110"/>
        <source>Forget the decision on this image</source>
        <translation>この画像の確認結果を取り消します</translation>
    </message>
    <message>
        <location filename="../ui/review/review_panel.cpp" line="111"/>
        <source>Export report…</source>
        <translation>レポートを出力…</translation>
    </message>
    <message>
        <location filename="../ui/review/review_panel.cpp" line="113"/>
        <source>A CSV of every image, and an HTML page and a PDF for printing with metrics, plots, the model and the worst images</source>
        <translation>全画像の CSV と、評価指標、グラフ、モデル、スコアの高い画像を載せた HTML ページと印刷用 PDF</translation>
    </message>
    <message>
        <location filename="../ui/review/review_panel.cpp" line="129"/>
        <source>Score ≥</source>
        <translation>スコア ≥</translation>
    </message>
    <message>
        <location filename="../ui/review/review_panel.cpp" line="158"/>
        <source>%v / %m images</source>
        <translation>%v / %m 枚</translation>
    </message>
    <message numerus="yes">
        <location filename="../ui/review/review_panel.cpp" line="160"/>
        <source>Inspecting %n image(s)…</source>
        <translation>
            <numerusform>%n 枚の画像を検査中…</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../ui/review/review_panel.cpp" line="167"/>
        <source>Computing metrics…</source>
        <translation>評価指標を計算中…</translation>
    </message>
    <message numerus="yes">
        <location filename="../ui/review/review_panel.cpp" line="176"/>
        <source>%n image(s) inspected in %1 s.</source>
        <translation>
            <numerusform>%n 枚の画像を %1 秒で検査しました。</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../ui/review/review_panel.cpp" line="180"/>
        <source>%n image(s) the model trained on left out.</source>
        <translation>
            <numerusform>モデルの学習に使った %n 枚の画像は除外しました。</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../ui/review/review_panel.cpp" line="183"/>
        <source>Inspection cancelled.</source>
        <translation>検査をキャンセルしました。</translation>
    </message>
    <message>
        <location filename="../ui/review/review_panel.cpp" line="220"/>
        <source>Run the active model over the test images to review its verdicts.</source>
        <translation>使用中のモデルでテスト画像を検査すると、ここでその判定を確認できます。</translation>
    </message>
    <message>
        <location filename="../ui/review/review_panel.cpp" line="233"/>
        <source>&lt;b&gt;%1&lt;/b&gt; images &amp;nbsp;·&amp;nbsp; &lt;b style=&apos;color:#c62828&apos;&gt;%2 NG&lt;/b&gt; &amp;nbsp;·&amp;nbsp; &lt;b style=&apos;color:#2e7d32&apos;&gt;%3 OK&lt;/b&gt;</source>
        <translation>画像 &lt;b&gt;%1&lt;/b&gt; 枚 &amp;nbsp;·&amp;nbsp; &lt;b style=&apos;color:#c62828&apos;&gt;NG %2&lt;/b&gt; &amp;nbsp;·&amp;nbsp; &lt;b style=&apos;color:#2e7d32&apos;&gt;OK %3&lt;/b&gt;</translation>
    </message>
    <message>
        <location filename="../ui/review/review_panel.cpp" line="239"/>
        <source> &amp;nbsp;·&amp;nbsp; %1 failed</source>
        <translation> &amp;nbsp;·&amp;nbsp; エラー %1</translation>
    </message>
    <message>
        <location filename="../ui/review/review_panel.cpp" line="240"/>
        <source> &amp;nbsp;·&amp;nbsp; reviewed %1</source>
        <translation> &amp;nbsp;·&amp;nbsp; 確認済み %1</translation>
    </message>
    <message>
        <location filename="../ui/review/review_panel.cpp" line="242"/>
        <source>&lt;br&gt;Labelled: %1 of %2 defects caught, %3 of %4 normal flagged</source>
        <translation>&lt;br&gt;ラベル付き: 不良 %2 枚中 %1 枚を検出、良品 %4 枚中 %3 枚を NG と判定</translation>
    </message>
    <message>
        <location filename="../ui/review/review_panel.cpp" line="249"/>
        <source>&lt;br&gt;Image AUROC %1 &amp;nbsp;·&amp;nbsp; pixel metrics do not apply to image classification</source>
        <translation>&lt;br&gt;画像 AUROC %1 &amp;nbsp;·&amp;nbsp; 画素の評価指標は画像分類には適用されません</translation>
    </message>
    <message>
        <location filename="../ui/review/review_panel.cpp" line="253"/>
        <source>&lt;br&gt;Image AUROC %1 &amp;nbsp;·&amp;nbsp; pixel AUROC %2 &amp;nbsp;·&amp;nbsp; AU-PRO@%3 %4</source>
        <translation>&lt;br&gt;画像 AUROC %1 &amp;nbsp;·&amp;nbsp; 画素 AUROC %2 &amp;nbsp;·&amp;nbsp; AU-PRO@%3 %4</translation>
    </message>
    <message>
        <location filename="../ui/review/review_panel.cpp" line="258"/>
        <source>No metrics: %1</source>
        <translation>評価指標なし: %1</translation>
    </message>
    <message>
        <location filename="../ui/review/review_panel.cpp" line="302"/>
        <source>No flagged image left to review.</source>
        <translation>確認待ちの NG 画像はもうありません。</translation>
    </message>
    <message>
        <location filename="../ui/review/review_panel.cpp" line="323"/>
        <source>%1-inspection-report.html</source>
        <translation>%1-検査レポート.html</translation>
    </message>
    <message>
        <location filename="../ui/review/review_panel.cpp" line="324"/>
        <source>Export Inspection Report</source>
        <translation>検査レポートの出力</translation>
    </message>
    <message>
        <location filename="../ui/review/review_panel.cpp" line="325"/>
        <source>Report as HTML, PDF and CSV (*.html *.pdf)</source>
        <translation>レポート（HTML・PDF・CSV）(*.html *.pdf)</translation>
    </message>
    <message>
        <location filename="../ui/review/review_panel.cpp" line="385"/>
        <source>Report written: %1 (and its .pdf and .csv)</source>
        <translation>レポートを出力しました: %1（.pdf と .csv も）</translation>
    </message>
    <message>
        <location filename="../ui/review/review_panel.cpp" line="340"/>
        <source>Nothing to report: run an inspection first.</source>
        <translation>レポートする内容がありません。先に検査を実行してください。</translation>
    </message>
</context>
<context>
    <name>kensa::ui::ReviewPlots</name>
    <message>
        <location filename="../ui/review/review_plots.cpp" line="57"/>
        <location filename="../ui/review/review_plots.cpp" line="58"/>
        <location filename="../ui/review/review_plots.cpp" line="59"/>
        <source>False-positive rate</source>
        <translation>偽陽性率</translation>
    </message>
    <message>
        <location filename="../ui/review/review_plots.cpp" line="57"/>
        <location filename="../ui/review/review_plots.cpp" line="58"/>
        <source>True-positive rate</source>
        <translation>真陽性率</translation>
    </message>
    <message>
        <location filename="../ui/review/review_plots.cpp" line="59"/>
        <source>Per-region overlap</source>
        <translation>領域ごとの重なり</translation>
    </message>
    <message>
        <location filename="../ui/review/review_plots.cpp" line="60"/>
        <source>Image score</source>
        <translation>画像スコア</translation>
    </message>
    <message>
        <location filename="../ui/review/review_plots.cpp" line="60"/>
        <source>Images</source>
        <translation>画像数</translation>
    </message>
    <message>
        <location filename="../ui/review/review_plots.cpp" line="64"/>
        <source>Pixel ROC and PRO do not apply to image classification: tiny images are scored whole, without defect masks.</source>
        <translation>画素 ROC と PRO は画像分類には適用されません。小さな画像は欠陥マスクなしで画像全体として採点されます。</translation>
    </message>
    <message>
        <location filename="../ui/review/review_plots.cpp" line="129"/>
        <source>Run a batch inspection (Review panel) to see ROC, PRO and score plots.</source>
        <translation>一括検査（判定確認パネル）を実行すると、ROC、PRO、スコアのグラフが表示されます。</translation>
    </message>
    <message>
        <location filename="../ui/review/review_plots.cpp" line="136"/>
        <source>Image ROC — AUROC %1</source>
        <translation>画像 ROC — AUROC %1</translation>
    </message>
    <message>
        <location filename="../ui/review/review_plots.cpp" line="137"/>
        <source>Pixel ROC — AUROC %1</source>
        <translation>画素 ROC — AUROC %1</translation>
    </message>
    <message>
        <location filename="../ui/review/review_plots.cpp" line="138"/>
        <source>PRO — AU-PRO@%1 %2</source>
        <translation>PRO — AU-PRO@%1 %2</translation>
    </message>
    <message>
        <location filename="../ui/review/review_plots.cpp" line="140"/>
        <source>Image scores</source>
        <translation>画像スコア</translation>
    </message>
    <message>
        <location filename="../ui/review/review_plots.cpp" line="165"/>
        <source>Needs labelled normal and defective images</source>
        <translation>良品と不良のラベル付き画像が必要です</translation>
    </message>
    <message>
        <location filename="../ui/review/review_plots.cpp" line="166"/>
        <source>Needs labelled normal images and defect masks</source>
        <translation>良品ラベルの画像と欠陥マスクが必要です</translation>
    </message>
    <message>
        <location filename="../ui/review/review_plots.cpp" line="224"/>
        <source>normal</source>
        <translation>良品</translation>
    </message>
    <message>
        <location filename="../ui/review/review_plots.cpp" line="225"/>
        <source>defective</source>
        <translation>不良</translation>
    </message>
    <message>
        <location filename="../ui/review/review_plots.cpp" line="226"/>
        <source>unlabelled</source>
        <translation>未分類</translation>
    </message>
    <message>
        <location filename="../ui/review/review_plots.cpp" line="279"/>
        <source>Image scores — threshold %1</source>
        <translation>画像スコア — しきい値 %1</translation>
    </message>
</context>
<context>
    <name>kensa::ui::RunController</name>
    <message>
        <location filename="../ui/run/run_controller.cpp" line="59"/>
        <source>Open a project first.</source>
        <translation>先にプロジェクトを開いてください。</translation>
    </message>
    <message>
        <location filename="../ui/run/run_controller.cpp" line="61"/>
        <source>The line is running.</source>
        <translation>ライン運転中です。</translation>
    </message>
    <message>
        <location filename="../ui/run/run_controller.cpp" line="63"/>
        <source>Train a model (or make one active) first.</source>
        <translation>先にモデルを学習してください（またはモデルを有効にしてください）。</translation>
    </message>
    <message>
        <location filename="../ui/run/run_controller.cpp" line="65"/>
        <source>Choose a folder to watch or a camera.</source>
        <translation>監視するフォルダーかカメラを選んでください。</translation>
    </message>
    <message>
        <location filename="../ui/run/run_controller.cpp" line="67"/>
        <source>The folder %1 does not exist.</source>
        <translation>フォルダー %1 がありません。</translation>
    </message>
    <message>
        <location filename="../ui/run/run_controller.cpp" line="69"/>
        <source>Choose where the results go.</source>
        <translation>結果の保存先を選んでください。</translation>
    </message>
</context>
<context>
    <name>kensa::ui::RunPanel</name>
    <message>
        <location filename="../ui/run/run_panel.cpp" line="24"/>
        <source>Hot folder</source>
        <translation>ホットフォルダー</translation>
    </message>
    <message>
        <location filename="../ui/run/run_panel.cpp" line="25"/>
        <source>Camera or video</source>
        <translation>カメラまたは動画</translation>
    </message>
    <message>
        <location filename="../ui/run/run_panel.cpp" line="27"/>
        <source>Hot folder: every image the line&apos;s PC writes into the folder is inspected once its write is complete. Camera or video: a camera number (0), a video file, an image sequence (img_%04d.png) or a stream URL; when inspection falls behind, the oldest waiting frame is dropped.</source>
        <translation>ホットフォルダー：ラインの PC がフォルダーに書き込んだ画像を、書き込みが完了した時点で 1 枚ずつ検査します。カメラまたは動画：カメラ番号（0）、動画ファイル、連番画像（img_%04d.png）またはストリーム URL。検査が追いつかないときは、待機中の最も古いフレームを破棄します。</translation>
    </message>
    <message>
        <location filename="../ui/run/run_panel.cpp" line="31"/>
        <source>Browse…</source>
        <translation>参照…</translation>
    </message>
    <message>
        <location filename="../ui/run/run_panel.cpp" line="33"/>
        <source>results.csv (one row per part, appended) and heatmap thumbnails go here</source>
        <translation>results.csv（部品ごとに 1 行を追記）とヒートマップのサムネイルの保存先</translation>
    </message>
    <message>
        <location filename="../ui/run/run_panel.cpp" line="34"/>
        <source>Sort parts into OK and NG folders</source>
        <translation>部品を OK / NG フォルダーに振り分ける</translation>
    </message>
    <message>
        <location filename="../ui/run/run_panel.cpp" line="35"/>
        <source>Move, not copy</source>
        <translation>コピーせず移動</translation>
    </message>
    <message>
        <location filename="../ui/run/run_panel.cpp" line="36"/>
        <source>Start</source>
        <translation>開始</translation>
    </message>
    <message>
        <location filename="../ui/run/run_panel.cpp" line="37"/>
        <source>Stop</source>
        <translation>停止</translation>
    </message>
    <message>
        <location filename="../ui/run/run_panel.cpp" line="51"/>
        <source>The latest NG parts, newest first, with their heatmaps</source>
        <translation>最新の NG 部品（新しい順、ヒートマップ付き）</translation>
    </message>
    <message>
        <location filename="../ui/run/run_panel.cpp" line="57"/>
        <source>Source</source>
        <translation>入力</translation>
    </message>
    <message>
        <location filename="../ui/run/run_panel.cpp" line="59"/>
        <source>Results</source>
        <translation>結果</translation>
    </message>
    <message>
        <location filename="../ui/run/run_panel.cpp" line="74"/>
        <source>Latest NG parts</source>
        <translation>最新の NG 部品</translation>
    </message>
    <message>
        <location filename="../ui/run/run_panel.cpp" line="80"/>
        <source>Folder to Watch</source>
        <translation>監視するフォルダー</translation>
    </message>
    <message>
        <location filename="../ui/run/run_panel.cpp" line="81"/>
        <source>Video File</source>
        <translation>動画ファイル</translation>
    </message>
    <message>
        <location filename="../ui/run/run_panel.cpp" line="129"/>
        <source>%1: %2, score %3 (%4 ms)</source>
        <translation>%1：%2、スコア %3（%4 ms）</translation>
    </message>
    <message>
        <location filename="../ui/run/run_panel.cpp" line="130"/>
        <source>NG</source>
        <translation>NG</translation>
    </message>
    <message>
        <location filename="../ui/run/run_panel.cpp" line="130"/>
        <source>OK</source>
        <translation>OK</translation>
    </message>
    <message numerus="yes">
        <location filename="../ui/run/run_panel.cpp" line="146"/>
        <source>Stopped. %n frame(s) dropped while inspection was behind.</source>
        <translation>
            <numerusform>停止しました。検査が追いつかず %n フレームを破棄しました。</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../ui/run/run_panel.cpp" line="148"/>
        <source>Stopped.</source>
        <translation>停止しました。</translation>
    </message>
    <message>
        <location filename="../ui/run/run_panel.cpp" line="152"/>
        <source>%1 parts: %2 OK, %3 NG, %4 unreadable</source>
        <translation>%1 個：OK %2、NG %3、読み込み不可 %4</translation>
    </message>
    <message>
        <location filename="../ui/run/run_panel.cpp" line="159"/>
        <source>Inspect every part the source delivers with the active model</source>
        <translation>入力から届く部品をすべて有効なモデルで検査</translation>
    </message>
    <message>
        <location filename="../ui/run/run_panel.cpp" line="165"/>
        <source>Folder the line writes images into</source>
        <translation>ラインが画像を書き込むフォルダー</translation>
    </message>
    <message>
        <location filename="../ui/run/run_panel.cpp" line="166"/>
        <source>0, a video file or a stream URL</source>
        <translation>0、動画ファイル、またはストリーム URL</translation>
    </message>
</context>
<context>
    <name>kensa::ui::StartPage</name>
    <message>
        <location filename="../ui/main/start_page.cpp" line="29"/>
        <source>Kensa</source>
        <translation>Kensa</translation>
    </message>
    <message>
        <location filename="../ui/main/start_page.cpp" line="34"/>
        <source>Visual anomaly inspection for a new product, without writing code. Start with a project: a folder holding the product&apos;s images, defect annotations and trained models.</source>
        <translation>コードを書かずに新製品の外観異常検査を。まずプロジェクトを作成します：製品の画像、欠陥の注釈、学習済みモデルをまとめたフォルダーです。</translation>
    </message>
    <message>
        <location filename="../ui/main/start_page.cpp" line="41"/>
        <source>New project…</source>
        <translation>新規プロジェクト…</translation>
    </message>
    <message>
        <location filename="../ui/main/start_page.cpp" line="42"/>
        <source>Create a project folder for a product</source>
        <translation>製品のプロジェクトフォルダーを作成します</translation>
    </message>
    <message>
        <location filename="../ui/main/start_page.cpp" line="43"/>
        <source>Open project…</source>
        <translation>プロジェクトを開く…</translation>
    </message>
    <message>
        <location filename="../ui/main/start_page.cpp" line="44"/>
        <source>Open an existing project folder</source>
        <translation>既存のプロジェクトフォルダーを開きます</translation>
    </message>
    <message>
        <location filename="../ui/main/start_page.cpp" line="45"/>
        <source>Open the sample project</source>
        <translation>サンプルプロジェクトを開く</translation>
    </message>
    <message>
        <location filename="../ui/main/start_page.cpp" line="46"/>
        <source>A generated product with normal parts and five kinds of defects</source>
        <translation>良品と 5 種類の欠陥を含む、自動生成の製品データ</translation>
    </message>
    <message>
        <location filename="../ui/main/start_page.cpp" line="51"/>
        <source>Recent projects</source>
        <translation>最近使ったプロジェクト</translation>
    </message>
    <message>
        <location filename="../ui/main/start_page.cpp" line="96"/>
        <source>No recent projects</source>
        <translation>最近使ったプロジェクトはありません</translation>
    </message>
</context>
<context>
    <name>kensa::ui::SyntheticPanel</name>
    <message>
        <location filename="../ui/synthetic/synthetic_panel.cpp" line="37"/>
        <source>No synthetic-defect generators are available in this build.</source>
        <translation>このビルドには合成欠陥の生成器がありません。</translation>
    </message>
    <message>
        <location filename="../ui/synthetic/synthetic_panel.cpp" line="44"/>
        <source>Synthetic defects (scratches, stains, holes painted onto normal images) will appear here when Kensa is built with its defect generators. Until then, mark real defects on the canvas.</source>
        <translation>合成欠陥（良品画像に描いた傷・汚れ・穴）は、Kensa を欠陥生成器付きでビルドするとここに表示されます。それまではキャンバス上で実際の欠陥をマークしてください。</translation>
    </message>
    <message>
        <location filename="../ui/synthetic/synthetic_panel.cpp" line="110"/>
        <source>Synthetic defects do not apply to image classification: they are local, the anomalies of tiny images are whole images, and training does not draw them.</source>
        <translation>合成欠陥は画像分類には適用されません。合成欠陥は局所的ですが、小さな画像の異常は画像全体であり、学習でも描画されません。</translation>
    </message>
    <message>
        <location filename="../ui/synthetic/synthetic_panel.cpp" line="118"/>
        <source>Defaults</source>
        <translation>既定値</translation>
    </message>
    <message>
        <location filename="../ui/synthetic/synthetic_panel.cpp" line="119"/>
        <source>Reset this generator&apos;s parameters to their defaults</source>
        <translation>この生成器のパラメータを既定値に戻します</translation>
    </message>
    <message>
        <location filename="../ui/synthetic/synthetic_panel.cpp" line="129"/>
        <source>Generators</source>
        <translation>生成器</translation>
    </message>
    <message>
        <location filename="../ui/synthetic/synthetic_panel.cpp" line="283"/>
        <source>%1 — parameters</source>
        <translation>%1 — パラメータ</translation>
    </message>
    <message>
        <location filename="../ui/synthetic/synthetic_panel.cpp" line="385"/>
        <source>Add normal training images to see samples.</source>
        <translation>サンプルを表示するには、良品の学習用画像を追加してください。</translation>
    </message>
    <message>
        <location filename="../ui/synthetic/synthetic_panel.cpp" line="386"/>
        <source>Choose at least one generator.</source>
        <translation>生成器を 1 つ以上選んでください。</translation>
    </message>
    <message>
        <location filename="../ui/synthetic/synthetic_panel.cpp" line="402"/>
        <source>Generating samples…</source>
        <translation>サンプルを生成しています…</translation>
    </message>
    <message numerus="yes">
        <location filename="../ui/synthetic/synthetic_panel.cpp" line="419"/>
        <source>%n sample(s)</source>
        <translation>
            <numerusform>%n 件のサンプル</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>kensa::ui::SyntheticPreview</name>
    <message>
        <location filename="../ui/synthetic/synthetic_preview.cpp" line="25"/>
        <source>Preview</source>
        <translation>プレビュー</translation>
    </message>
    <message>
        <location filename="../ui/synthetic/synthetic_preview.cpp" line="29"/>
        <source>sample, defect outlined · mask</source>
        <translation>サンプル（欠陥を縁取り）・マスク</translation>
    </message>
    <message>
        <location filename="../ui/synthetic/synthetic_preview.cpp" line="31"/>
        <source>New samples</source>
        <translation>新しいサンプル</translation>
    </message>
    <message>
        <location filename="../ui/synthetic/synthetic_preview.cpp" line="32"/>
        <source>Draw new random samples with the same settings</source>
        <translation>同じ設定で新しいランダムなサンプルを生成します</translation>
    </message>
</context>
<context>
    <name>kensa::ui::TrainingController</name>
    <message>
        <location filename="../ui/training/training_controller.cpp" line="104"/>
        <source>Open a project first.</source>
        <translation>先にプロジェクトを開いてください。</translation>
    </message>
    <message>
        <location filename="../ui/training/training_controller.cpp" line="106"/>
        <source>A training is running.</source>
        <translation>学習を実行中です。</translation>
    </message>
    <message>
        <location filename="../ui/training/training_controller.cpp" line="109"/>
        <source>Training needs at least %1 normal training images; the project has %2.</source>
        <translation>学習には良品の学習用画像が %1 枚以上必要です（現在 %2 枚）。</translation>
    </message>
    <message>
        <location filename="../ui/training/training_controller.cpp" line="115"/>
        <source>The project asks for the method &quot;%1&quot;, which this Kensa does not have.</source>
        <translation>プロジェクトで指定された手法「%1」は、この Kensa にはありません。</translation>
    </message>
    <message>
        <location filename="../ui/training/training_controller.cpp" line="119"/>
        <source>Training with anomalies in image classification needs training images labelled anomalous.</source>
        <translation>画像分類で異常を使って学習するには、不良のラベルを付けた学習画像が必要です。</translation>
    </message>
    <message>
        <location filename="../ui/training/training_controller.cpp" line="122"/>
        <source>Synthetic defects are on, but no generator is ticked in the Synthetic Defects panel.</source>
        <translation>合成欠陥がオンですが、合成欠陥パネルで生成器が 1 つも選ばれていません。</translation>
    </message>
    <message>
        <location filename="../ui/training/training_controller.cpp" line="124"/>
        <source>Anomaly-available training needs marked defects or synthetic defects: mark a defect with a mask, or turn on synthetic defects.</source>
        <translation>異常データありの学習には、マーク済みの欠陥か合成欠陥が必要です。マスクで欠陥をマークするか、合成欠陥をオンにしてください。</translation>
    </message>
    <message>
        <location filename="../ui/training/training_controller.cpp" line="138"/>
        <source>Only ADTR models can be refined; the project trains with another method.</source>
        <translation>再学習できるのは ADTR モデルだけです。このプロジェクトは別の手法で学習します。</translation>
    </message>
    <message>
        <location filename="../ui/training/training_controller.cpp" line="140"/>
        <source>Refining is for defect inspection: it trains on marked defects, which image classification does not have.</source>
        <translation>追加学習は欠陥検査用です。マーク済みの欠陥で学習しますが、画像分類にはそれがありません。</translation>
    </message>
    <message>
        <location filename="../ui/training/training_controller.cpp" line="257"/>
        <source>Reading images %1 of %2</source>
        <translation>画像を読み込み中 %1 / %2</translation>
    </message>
    <message>
        <location filename="../ui/training/training_controller.cpp" line="259"/>
        <source>Extracting features %1 of %2</source>
        <translation>特徴を抽出中 %1 / %2</translation>
    </message>
    <message>
        <location filename="../ui/training/training_controller.cpp" line="264"/>
        <source>Training, epoch %1 of %2</source>
        <translation>学習中 エポック %1 / %2</translation>
    </message>
    <message>
        <location filename="../ui/training/training_controller.cpp" line="264"/>
        <source>Training</source>
        <translation>学習中</translation>
    </message>
    <message>
        <location filename="../ui/training/training_controller.cpp" line="267"/>
        <source>Checking the scoring on held-out images with synthetic defects</source>
        <translation>取り分けた画像に合成欠陥を加えてスコアを確認中</translation>
    </message>
    <message>
        <location filename="../ui/training/training_controller.cpp" line="269"/>
        <source>Setting thresholds from held-out normal images</source>
        <translation>取り分けた良品画像でしきい値を設定中</translation>
    </message>
    <message>
        <location filename="../ui/training/training_controller.cpp" line="271"/>
        <source>Saving the model</source>
        <translation>モデルを保存中</translation>
    </message>
</context>
<context>
    <name>kensa::ui::TrainingPanel</name>
    <message>
        <location filename="../ui/training/training_panel.cpp" line="84"/>
        <source>a few seconds left</source>
        <translation>残り数秒</translation>
    </message>
    <message>
        <location filename="../ui/training/training_panel.cpp" line="87"/>
        <source>about %1 s left</source>
        <translation>残り約 %1 秒</translation>
    </message>
    <message>
        <location filename="../ui/training/training_panel.cpp" line="90"/>
        <source>about %1 min %2 s left</source>
        <translation>残り約 %1 分 %2 秒</translation>
    </message>
    <message>
        <location filename="../ui/training/training_panel.cpp" line="91"/>
        <source>about %1 min left</source>
        <translation>残り約 %1 分</translation>
    </message>
    <message>
        <location filename="../ui/training/training_panel.cpp" line="127"/>
        <source>Weights not installed. %1</source>
        <translation>重みがインストールされていません。%1</translation>
    </message>
    <message>
        <location filename="../ui/training/training_panel.cpp" line="137"/>
        <location filename="../ui/training/training_panel.cpp" line="163"/>
        <source> px</source>
        <translation> px</translation>
    </message>
    <message>
        <location filename="../ui/training/training_panel.cpp" line="437"/>
        <source>Images are resized to this square size; a multiple of 32. Larger sees smaller defects and trains slower.</source>
        <translation>画像をこの大きさの正方形にリサイズします（32 の倍数）。大きいほど小さな欠陥を捉えられますが、学習は遅くなります。</translation>
    </message>
    <message>
        <location filename="../ui/training/training_panel.cpp" line="140"/>
        <source>Passes over the normal images</source>
        <translation>良品画像を繰り返し学習する回数</translation>
    </message>
    <message>
        <location filename="../ui/training/training_panel.cpp" line="146"/>
        <source>Automatic</source>
        <translation>自動</translation>
    </message>
    <message>
        <location filename="../ui/training/training_panel.cpp" line="147"/>
        <source>Normal images only</source>
        <translation>良品画像のみ</translation>
    </message>
    <message>
        <location filename="../ui/training/training_panel.cpp" line="148"/>
        <source>With defects (ADTR+)</source>
        <translation>欠陥も使用 (ADTR+)</translation>
    </message>
    <message>
        <location filename="../ui/training/training_panel.cpp" line="149"/>
        <source>Synthetic defects</source>
        <translation>合成欠陥</translation>
    </message>
    <message>
        <location filename="../ui/training/training_panel.cpp" line="448"/>
        <source>Automatic trains with defects (anomaly-available, ADTR+) as soon as the project has marked defects or synthetic defects are on, else on normal images only. Marked defects are also pasted at random places of copies of normal images in every epoch.</source>
        <translation>自動: プロジェクトにマーク済みの欠陥があるか合成欠陥がオンのときは欠陥付きで学習し（異常データあり、ADTR+）、それ以外は良品画像のみで学習します。マーク済みの欠陥は、各エポックで良品画像の複製のランダムな位置にも貼り付けられます。</translation>
    </message>
    <message>
        <location filename="../ui/training/training_panel.cpp" line="512"/>
        <source>Draw fresh synthetic defects (the generators ticked in the Synthetic Defects panel, with its settings) on copies of normal training images in every epoch; an epoch grows to at most %1 times the normal images.</source>
        <translation>各エポックで、良品の学習用画像の複製に新しい合成欠陥を描きます（合成欠陥パネルで選んだ生成器とその設定）。1 エポックは最大で良品画像の %1 倍まで増えます。</translation>
    </message>
    <message>
        <location filename="../ui/training/training_panel.cpp" line="153"/>
        <source> % of images</source>
        <translation> % の画像</translation>
    </message>
    <message>
        <location filename="../ui/training/training_panel.cpp" line="155"/>
        <source>How many normal images get an extra copy with a synthetic defect in each epoch (the clean image stays)</source>
        <translation>各エポックで、合成欠陥を描いた複製を追加する良品画像の割合（元の画像もそのまま学習に使います）</translation>
    </message>
    <message>
        <location filename="../ui/training/training_panel.cpp" line="158"/>
        <location filename="../ui/training/training_panel.cpp" line="166"/>
        <location filename="../ui/training/training_panel.cpp" line="416"/>
        <source>Whole image</source>
        <translation>画像全体</translation>
    </message>
    <message>
        <location filename="../ui/training/training_panel.cpp" line="159"/>
        <source>Tiles for defects of</source>
        <translation>この大きさの欠陥向けのタイル：</translation>
    </message>
    <message>
        <location filename="../ui/training/training_panel.cpp" line="160"/>
        <source>Tiles of</source>
        <translation>タイルの一辺：</translation>
    </message>
    <message>
        <location filename="../ui/training/training_panel.cpp" line="453"/>
        <source>Large images: the whole image squeezed to the image size, or overlapping tiles inspected one by one and blended into a map at full resolution. &quot;Tiles for defects of&quot; picks the tile size so that a defect that many pixels wide stays visible; training and inspection take longer with more tiles.</source>
        <translation>大きな画像：画像全体を画像サイズに縮小するか、重なり合うタイルを 1 枚ずつ検査して元の解像度のマップに合成します。「この大きさの欠陥向けのタイル」は、その画素幅の欠陥が見えるようにタイルの大きさを選びます。タイルが多いほど学習と検査に時間がかかります。</translation>
    </message>
    <message>
        <location filename="../ui/training/training_panel.cpp" line="456"/>
        <source>Training and inspection keep to this part of the image; outside it nothing is learned and nothing is flagged</source>
        <translation>学習と検査は画像のこの部分に限られます。外側は学習されず、異常として示されることもありません</translation>
    </message>
    <message>
        <location filename="../ui/training/training_panel.cpp" line="165"/>
        <source>Draw…</source>
        <translation>描画…</translation>
    </message>
    <message>
        <location filename="../ui/training/training_panel.cpp" line="458"/>
        <source>Drag a rectangle or click a polygon on the image (the Region of interest tool, R)</source>
        <translation>画像上で矩形をドラッグするか多角形をクリックします（検査領域ツール、R）</translation>
    </message>
    <message>
        <location filename="../ui/training/training_panel.cpp" line="459"/>
        <source>Use the whole image again</source>
        <translation>画像全体に戻します</translation>
    </message>
    <message>
        <location filename="../ui/training/training_panel.cpp" line="170"/>
        <source>Train</source>
        <translation>学習</translation>
    </message>
    <message>
        <location filename="../ui/training/training_panel.cpp" line="100"/>
        <source>Defect inspection</source>
        <translation>欠陥検査</translation>
    </message>
    <message>
        <location filename="../ui/training/training_panel.cpp" line="101"/>
        <source>Image classification (tiny images)</source>
        <translation>画像分類（小さな画像）</translation>
    </message>
    <message>
        <location filename="../ui/training/training_panel.cpp" line="103"/>
        <source>Defect inspection finds and outlines defects in parts. Image classification sorts tiny images (16-48 px) as a whole, normal or anomalous: no masks, no maps, one score per image (the ADTR paper&apos;s one-class setting: an 8 x 8 grid, the score is the mean of the map).</source>
        <translation>欠陥検査は部品の欠陥を見つけて縁取りします。画像分類は小さな画像（16〜48 px）を画像全体として良品か異常かに分けます。マスクもマップもなく、画像ごとに 1 つのスコアです（ADTR 論文の 1 クラス設定: 8 x 8 のグリッド、スコアはマップの平均）。</translation>
    </message>
    <message>
        <location filename="../ui/training/training_panel.cpp" line="171"/>
        <location filename="../ui/training/training_panel.cpp" line="488"/>
        <source>Train a model on the project&apos;s normal training images</source>
        <translation>プロジェクトの良品の学習用画像でモデルを学習します</translation>
    </message>
    <message>
        <location filename="../ui/training/training_panel.cpp" line="172"/>
        <source>Cancel</source>
        <translation>キャンセル</translation>
    </message>
    <message>
        <location filename="../ui/training/training_panel.cpp" line="185"/>
        <source>No trained models yet. Train one above; every run is kept here.</source>
        <translation>学習済みモデルはまだありません。上で学習してください。学習した結果はすべてここに残ります。</translation>
    </message>
    <message>
        <location filename="../ui/training/training_panel.cpp" line="188"/>
        <source>Make Active</source>
        <translation>使用する</translation>
    </message>
    <message>
        <location filename="../ui/training/training_panel.cpp" line="189"/>
        <source>Inspect with the selected model</source>
        <translation>選択したモデルで検査します</translation>
    </message>
    <message>
        <location filename="../ui/training/training_panel.cpp" line="190"/>
        <source>Refine</source>
        <translation>再学習</translation>
    </message>
    <message>
        <location filename="../ui/training/training_panel.cpp" line="191"/>
        <source>Delete…</source>
        <translation>削除…</translation>
    </message>
    <message>
        <location filename="../ui/training/training_panel.cpp" line="192"/>
        <source>Export…</source>
        <translation>エクスポート…</translation>
    </message>
    <message>
        <location filename="../ui/training/training_panel.cpp" line="194"/>
        <source>Save a copy of the selected model for kensa-cli or another Kensa: one file with the backbone, the transformer, thresholds and map settings</source>
        <translation>選択したモデルのコピーを kensa-cli や別の Kensa 用に保存します。バックボーン、Transformer、しきい値、マップ設定を 1 つのファイルにまとめます</translation>
    </message>
    <message>
        <location filename="../ui/training/training_panel.cpp" line="199"/>
        <source>Task</source>
        <translation>タスク</translation>
    </message>
    <message>
        <location filename="../ui/training/training_panel.cpp" line="200"/>
        <source>Method</source>
        <translation>手法</translation>
    </message>
    <message>
        <location filename="../ui/training/training_panel.cpp" line="202"/>
        <source>Backbone</source>
        <translation>バックボーン</translation>
    </message>
    <message>
        <location filename="../ui/training/training_panel.cpp" line="203"/>
        <source>Image size</source>
        <translation>画像サイズ</translation>
    </message>
    <message>
        <location filename="../ui/training/training_panel.cpp" line="204"/>
        <source>Epochs</source>
        <translation>エポック数</translation>
    </message>
    <message>
        <location filename="../ui/training/training_panel.cpp" line="205"/>
        <source>Defects</source>
        <translation>欠陥</translation>
    </message>
    <message>
        <location filename="../ui/training/training_panel.cpp" line="213"/>
        <source>Large images</source>
        <translation>大きな画像</translation>
    </message>
    <message>
        <location filename="../ui/training/training_panel.cpp" line="218"/>
        <source>Region</source>
        <translation>検査領域</translation>
    </message>
    <message>
        <location filename="../ui/training/training_panel.cpp" line="234"/>
        <source>Settings</source>
        <translation>設定</translation>
    </message>
    <message>
        <location filename="../ui/training/training_panel.cpp" line="238"/>
        <source>Progress</source>
        <translation>進捗</translation>
    </message>
    <message>
        <location filename="../ui/training/training_panel.cpp" line="244"/>
        <source>Models</source>
        <translation>モデル</translation>
    </message>
    <message>
        <location filename="../ui/training/training_panel.cpp" line="257"/>
        <source>Cancelling…</source>
        <translation>キャンセル中…</translation>
    </message>
    <message>
        <location filename="../ui/training/training_panel.cpp" line="279"/>
        <location filename="../ui/training/training_panel.cpp" line="284"/>
        <source>Delete Model</source>
        <translation>モデルを削除</translation>
    </message>
    <message>
        <location filename="../ui/training/training_panel.cpp" line="280"/>
        <source>Move %1 to the trash?</source>
        <translation>%1 をゴミ箱に移動しますか？</translation>
    </message>
    <message>
        <location filename="../ui/training/training_panel.cpp" line="292"/>
        <source>Export Model</source>
        <translation>モデルのエクスポート</translation>
    </message>
    <message>
        <location filename="../ui/training/training_panel.cpp" line="292"/>
        <source>Kensa models (*.kensa)</source>
        <translation>Kensa モデル (*.kensa)</translation>
    </message>
    <message>
        <location filename="../ui/training/training_panel.cpp" line="297"/>
        <source>Exported to %1. Inspect with: kensa-cli infer --model %1 --input FOLDER --out FOLDER</source>
        <translation>%1 にエクスポートしました。検査するには: kensa-cli infer --model %1 --input FOLDER --out FOLDER</translation>
    </message>
    <message>
        <location filename="../ui/training/training_panel.cpp" line="300"/>
        <source>Export failed: %1</source>
        <translation>エクスポートに失敗しました: %1</translation>
    </message>
    <message>
        <location filename="../ui/training/training_panel.cpp" line="367"/>
        <source>Exporting %1…</source>
        <translation>%1 をエクスポート中…</translation>
    </message>
    <message>
        <location filename="../ui/training/training_panel.cpp" line="417"/>
        <source>Rectangle on %1 x %2 images</source>
        <translation>%1 x %2 画像上の矩形</translation>
    </message>
    <message numerus="yes">
        <location filename="../ui/training/training_panel.cpp" line="418"/>
        <source>Polygon of %n corner(s)</source>
        <translation>
            <numerusform>角が %n 個の多角形</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../ui/training/training_panel.cpp" line="435"/>
        <source>Tiny images are resized to this square size: 16, 32 (the paper&apos;s) or 48 px. The feature grid is 8 x 8 at every size.</source>
        <translation>小さな画像はこの正方形のサイズに変換されます: 16、32（論文の値）または 48 px。特徴グリッドはどのサイズでも 8 x 8 です。</translation>
    </message>
    <message>
        <location filename="../ui/training/training_panel.cpp" line="441"/>
        <source>Does not apply to image classification: a tiny image is scored whole.</source>
        <translation>画像分類には適用されません。小さな画像は画像全体として採点されます。</translation>
    </message>
    <message>
        <location filename="../ui/training/training_panel.cpp" line="446"/>
        <source>Automatic trains with anomalies (anomaly-available, ADTR+ with its image-level loss) as soon as training images are labelled defect, else on normal images only. Test images are never trained on.</source>
        <translation>自動: 学習画像に不良のラベルが付くとすぐに異常ありで学習し（ADTR+、画像単位の損失）、それ以外は良品画像のみで学習します。テスト画像で学習することはありません。</translation>
    </message>
    <message>
        <location filename="../ui/training/training_panel.cpp" line="510"/>
        <source>Does not apply to image classification: synthetic defects are local, the anomalies of tiny images are whole images.</source>
        <translation>画像分類には適用されません。合成欠陥は局所的ですが、小さな画像の異常は画像全体です。</translation>
    </message>
    <message numerus="yes">
        <location filename="../ui/training/training_panel.cpp" line="519"/>
        <source>%n normal training image(s)</source>
        <translation>
            <numerusform>良品の学習用画像 %n 枚</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../ui/training/training_panel.cpp" line="521"/>
        <source>, %n anomalous training image(s) not used</source>
        <translation>
            <numerusform>、不良の学習画像 %n 枚（使用しない）</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../ui/training/training_panel.cpp" line="522"/>
        <source>, %n anomalous training image(s) (image-level loss)</source>
        <translation>
            <numerusform>、不良の学習画像 %n 枚（画像単位の損失）</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../ui/training/training_panel.cpp" line="524"/>
        <source>, %n marked defect(s) not used</source>
        <translation>
            <numerusform>、マーク済みの欠陥 %n 件（未使用）</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../ui/training/training_panel.cpp" line="525"/>
        <source>, %n marked defect(s)</source>
        <translation>
            <numerusform>、マーク済みの欠陥 %n 件</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../ui/training/training_panel.cpp" line="535"/>
        <source>Train a new model starting from the selected ADTR model, for %1 epochs with the project&apos;s marked defects (and synthetic defects, if on): quicker than training again from scratch, e.g. after marking the defects a review found. The new model keeps the selected one&apos;s backbone and image size.</source>
        <translation>選択した ADTR モデルを出発点に、プロジェクトのマーク済み欠陥 (オンなら合成欠陥も) で %1 エポック学習した新しいモデルを作ります。最初から学習し直すより速く、レビューで見つかった欠陥をマークした後などに使います。新しいモデルのバックボーンと画像サイズは選択したモデルと同じです。</translation>
    </message>
    <message>
        <location filename="../ui/training/training_panel.cpp" line="558"/>
        <source>Done</source>
        <translation>完了</translation>
    </message>
    <message>
        <location filename="../ui/training/training_panel.cpp" line="563"/>
        <source>Cancelled</source>
        <translation>キャンセルしました</translation>
    </message>
    <message>
        <location filename="../ui/training/training_panel.cpp" line="568"/>
        <source>Training failed</source>
        <translation>学習に失敗しました</translation>
    </message>
</context>
<context>
    <name>kensa::ui::TrainingWorker</name>
    <message>
        <location filename="../ui/training/training_worker.cpp" line="74"/>
        <source>normal-only</source>
        <translation>良品のみ</translation>
    </message>
    <message numerus="yes">
        <location filename="../ui/training/training_worker.cpp" line="76"/>
        <source>anomaly-available: %n anomalous image(s)</source>
        <translation>
            <numerusform>異常あり: 不良画像 %n 枚</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../ui/training/training_worker.cpp" line="77"/>
        <source>anomaly-available: %n marked defect(s)</source>
        <translation>
            <numerusform>異常データあり: マーク済みの欠陥 %n 件</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../ui/training/training_worker.cpp" line="78"/>
        <source> and synthetic defects</source>
        <translation>と合成欠陥</translation>
    </message>
    <message>
        <location filename="../ui/training/training_worker.cpp" line="79"/>
        <source>Trained (%4) on %1 normal images (%2 held out for thresholds) in %3 s.</source>
        <translation>学習完了（%4）: 良品画像 %1 枚、%3 秒（ほかに %2 枚をしきい値用に取り分け）。</translation>
    </message>
    <message>
        <location filename="../ui/training/training_worker.cpp" line="86"/>
        <source>Final loss %1.</source>
        <translation>最終損失 %1。</translation>
    </message>
    <message>
        <location filename="../ui/training/training_worker.cpp" line="88"/>
        <source>Refined from %1.</source>
        <translation>%1 から再学習しました。</translation>
    </message>
    <message>
        <location filename="../ui/training/training_worker.cpp" line="93"/>
        <source>Note: %1</source>
        <translation>注意: %1</translation>
    </message>
    <message>
        <location filename="../ui/training/training_worker.cpp" line="96"/>
        <source>Training cancelled; no model was written.</source>
        <translation>学習をキャンセルしました。モデルは保存されていません。</translation>
    </message>
</context>
<context>
    <name>kensa::ui::language</name>
    <message>
        <location filename="../ui/main/language.cpp" line="63"/>
        <source>&amp;Language</source>
        <translation>言語(&amp;L)</translation>
    </message>
    <message>
        <location filename="../ui/main/language.cpp" line="70"/>
        <source>System default</source>
        <translation>システムの設定</translation>
    </message>
    <message>
        <location filename="../ui/main/language.cpp" line="88"/>
        <source>Language</source>
        <translation>言語</translation>
    </message>
    <message>
        <location filename="../ui/main/language.cpp" line="89"/>
        <source>Kensa will use the new language the next time it starts.</source>
        <translation>新しい言語は、次回 Kensa を起動したときに適用されます。</translation>
    </message>
</context>
<context>
    <name>main</name>
    <message>
        <location filename="../ui/main/app_setup.cpp" line="38"/>
        <source>Visual anomaly inspection for quality engineers.</source>
        <translation>品質技術者のための外観異常検査。</translation>
    </message>
    <message>
        <location filename="../ui/main/app_setup.cpp" line="42"/>
        <source>Project folder to open.</source>
        <translation>開くプロジェクトフォルダー。</translation>
    </message>
    <message>
        <location filename="../ui/main/app_setup.cpp" line="45"/>
        <source>Open the sample project.</source>
        <translation>サンプルプロジェクトを開きます。</translation>
    </message>
</context>
</TS>
