<?xml version="1.0" encoding="UTF-8"?>
<!-- power-of-siberia.cs - part of gasflow: assumed machine data for the seven stage-1
     stations of the Power of Siberia example (see README.md, "Compressor stations").
     Every station: four turbo units, run as two serial stages of one or two parallel units
     (configurations 2x2, 2x1) or as one stage (1x2, 1x1); each unit driven by its own
     gas turbine of 17.18 MW (28 units, 481 MW installed in all, Markelov 2018); the turbo map is
     the compressor map of GasLib-40 (Schmidt et al. 2017, CC BY 3.0) with its flow axis scaled by
     4.17 (Q' = 4.17 Q at the same speed and head), so that a unit meets the duty of 38 bcm/a. -->
<compressorStations xmlns="http://gaslib.zib.de/CompressorStations">
  <compressorStation id="CS1_Chayandinskaya">
    <compressors>
      <turboCompressor drive="CS1_Chayandinskaya_D1" id="CS1_Chayandinskaya_U1">
        <speedMin value="5760" unit="per_min"/>
        <speedMax value="11600" unit="per_min"/>
        <n_isoline_coeff_1 value="-9.12494"/>
        <n_isoline_coeff_2 value="0.00210704"/>
        <n_isoline_coeff_3 value="6.98108e-08"/>
        <n_isoline_coeff_4 value="2.53381295"/>
        <n_isoline_coeff_5 value="-2.8501199e-05"/>
        <n_isoline_coeff_6 value="3.20661871e-08"/>
        <n_isoline_coeff_7 value="-0.607582998"/>
        <n_isoline_coeff_8 value="3.80783143e-05"/>
        <n_isoline_coeff_9 value="-2.018115e-09"/>
        <eta_ad_isoline_coeff_1 value="1.30314"/>
        <eta_ad_isoline_coeff_2 value="-0.000270759"/>
        <eta_ad_isoline_coeff_3 value="1.36317e-08"/>
        <eta_ad_isoline_coeff_4 value="0.088458753"/>
        <eta_ad_isoline_coeff_5 value="4.87947242e-05"/>
        <eta_ad_isoline_coeff_6 value="-3.65647482e-09"/>
        <eta_ad_isoline_coeff_7 value="-0.0444829748"/>
        <eta_ad_isoline_coeff_8 value="3.55946035e-06"/>
        <eta_ad_isoline_coeff_9 value="-3.64793633e-11"/>
        <surgeline_coeff_1 value="-77.6315"/>
        <surgeline_coeff_2 value="28.3671463"/>
        <surgeline_coeff_3 value="-1.42107896"/>
        <chokeline_coeff_1 value="0.168264"/>
        <chokeline_coeff_2 value="-0.0547640288"/>
        <chokeline_coeff_3 value="0.142616842"/>
      </turboCompressor>
      <turboCompressor drive="CS1_Chayandinskaya_D2" id="CS1_Chayandinskaya_U2">
        <speedMin value="5760" unit="per_min"/>
        <speedMax value="11600" unit="per_min"/>
        <n_isoline_coeff_1 value="-9.12494"/>
        <n_isoline_coeff_2 value="0.00210704"/>
        <n_isoline_coeff_3 value="6.98108e-08"/>
        <n_isoline_coeff_4 value="2.53381295"/>
        <n_isoline_coeff_5 value="-2.8501199e-05"/>
        <n_isoline_coeff_6 value="3.20661871e-08"/>
        <n_isoline_coeff_7 value="-0.607582998"/>
        <n_isoline_coeff_8 value="3.80783143e-05"/>
        <n_isoline_coeff_9 value="-2.018115e-09"/>
        <eta_ad_isoline_coeff_1 value="1.30314"/>
        <eta_ad_isoline_coeff_2 value="-0.000270759"/>
        <eta_ad_isoline_coeff_3 value="1.36317e-08"/>
        <eta_ad_isoline_coeff_4 value="0.088458753"/>
        <eta_ad_isoline_coeff_5 value="4.87947242e-05"/>
        <eta_ad_isoline_coeff_6 value="-3.65647482e-09"/>
        <eta_ad_isoline_coeff_7 value="-0.0444829748"/>
        <eta_ad_isoline_coeff_8 value="3.55946035e-06"/>
        <eta_ad_isoline_coeff_9 value="-3.64793633e-11"/>
        <surgeline_coeff_1 value="-77.6315"/>
        <surgeline_coeff_2 value="28.3671463"/>
        <surgeline_coeff_3 value="-1.42107896"/>
        <chokeline_coeff_1 value="0.168264"/>
        <chokeline_coeff_2 value="-0.0547640288"/>
        <chokeline_coeff_3 value="0.142616842"/>
      </turboCompressor>
      <turboCompressor drive="CS1_Chayandinskaya_D3" id="CS1_Chayandinskaya_U3">
        <speedMin value="5760" unit="per_min"/>
        <speedMax value="11600" unit="per_min"/>
        <n_isoline_coeff_1 value="-9.12494"/>
        <n_isoline_coeff_2 value="0.00210704"/>
        <n_isoline_coeff_3 value="6.98108e-08"/>
        <n_isoline_coeff_4 value="2.53381295"/>
        <n_isoline_coeff_5 value="-2.8501199e-05"/>
        <n_isoline_coeff_6 value="3.20661871e-08"/>
        <n_isoline_coeff_7 value="-0.607582998"/>
        <n_isoline_coeff_8 value="3.80783143e-05"/>
        <n_isoline_coeff_9 value="-2.018115e-09"/>
        <eta_ad_isoline_coeff_1 value="1.30314"/>
        <eta_ad_isoline_coeff_2 value="-0.000270759"/>
        <eta_ad_isoline_coeff_3 value="1.36317e-08"/>
        <eta_ad_isoline_coeff_4 value="0.088458753"/>
        <eta_ad_isoline_coeff_5 value="4.87947242e-05"/>
        <eta_ad_isoline_coeff_6 value="-3.65647482e-09"/>
        <eta_ad_isoline_coeff_7 value="-0.0444829748"/>
        <eta_ad_isoline_coeff_8 value="3.55946035e-06"/>
        <eta_ad_isoline_coeff_9 value="-3.64793633e-11"/>
        <surgeline_coeff_1 value="-77.6315"/>
        <surgeline_coeff_2 value="28.3671463"/>
        <surgeline_coeff_3 value="-1.42107896"/>
        <chokeline_coeff_1 value="0.168264"/>
        <chokeline_coeff_2 value="-0.0547640288"/>
        <chokeline_coeff_3 value="0.142616842"/>
      </turboCompressor>
      <turboCompressor drive="CS1_Chayandinskaya_D4" id="CS1_Chayandinskaya_U4">
        <speedMin value="5760" unit="per_min"/>
        <speedMax value="11600" unit="per_min"/>
        <n_isoline_coeff_1 value="-9.12494"/>
        <n_isoline_coeff_2 value="0.00210704"/>
        <n_isoline_coeff_3 value="6.98108e-08"/>
        <n_isoline_coeff_4 value="2.53381295"/>
        <n_isoline_coeff_5 value="-2.8501199e-05"/>
        <n_isoline_coeff_6 value="3.20661871e-08"/>
        <n_isoline_coeff_7 value="-0.607582998"/>
        <n_isoline_coeff_8 value="3.80783143e-05"/>
        <n_isoline_coeff_9 value="-2.018115e-09"/>
        <eta_ad_isoline_coeff_1 value="1.30314"/>
        <eta_ad_isoline_coeff_2 value="-0.000270759"/>
        <eta_ad_isoline_coeff_3 value="1.36317e-08"/>
        <eta_ad_isoline_coeff_4 value="0.088458753"/>
        <eta_ad_isoline_coeff_5 value="4.87947242e-05"/>
        <eta_ad_isoline_coeff_6 value="-3.65647482e-09"/>
        <eta_ad_isoline_coeff_7 value="-0.0444829748"/>
        <eta_ad_isoline_coeff_8 value="3.55946035e-06"/>
        <eta_ad_isoline_coeff_9 value="-3.64793633e-11"/>
        <surgeline_coeff_1 value="-77.6315"/>
        <surgeline_coeff_2 value="28.3671463"/>
        <surgeline_coeff_3 value="-1.42107896"/>
        <chokeline_coeff_1 value="0.168264"/>
        <chokeline_coeff_2 value="-0.0547640288"/>
        <chokeline_coeff_3 value="0.142616842"/>
      </turboCompressor>
    </compressors>
    <drives>
      <gasTurbine id="CS1_Chayandinskaya_D1">
        <energy_rate_fun_coeff_1 value="1500"/>
        <energy_rate_fun_coeff_2 value="2.7"/>
        <energy_rate_fun_coeff_3 value="0"/>
        <power_fun_coeff_1 value="17180"/>
        <power_fun_coeff_2 value="0"/>
        <power_fun_coeff_3 value="0"/>
        <power_fun_coeff_4 value="0"/>
        <power_fun_coeff_5 value="0"/>
        <power_fun_coeff_6 value="0"/>
        <power_fun_coeff_7 value="0"/>
        <power_fun_coeff_8 value="0"/>
        <power_fun_coeff_9 value="0"/>
      </gasTurbine>
      <gasTurbine id="CS1_Chayandinskaya_D2">
        <energy_rate_fun_coeff_1 value="1500"/>
        <energy_rate_fun_coeff_2 value="2.7"/>
        <energy_rate_fun_coeff_3 value="0"/>
        <power_fun_coeff_1 value="17180"/>
        <power_fun_coeff_2 value="0"/>
        <power_fun_coeff_3 value="0"/>
        <power_fun_coeff_4 value="0"/>
        <power_fun_coeff_5 value="0"/>
        <power_fun_coeff_6 value="0"/>
        <power_fun_coeff_7 value="0"/>
        <power_fun_coeff_8 value="0"/>
        <power_fun_coeff_9 value="0"/>
      </gasTurbine>
      <gasTurbine id="CS1_Chayandinskaya_D3">
        <energy_rate_fun_coeff_1 value="1500"/>
        <energy_rate_fun_coeff_2 value="2.7"/>
        <energy_rate_fun_coeff_3 value="0"/>
        <power_fun_coeff_1 value="17180"/>
        <power_fun_coeff_2 value="0"/>
        <power_fun_coeff_3 value="0"/>
        <power_fun_coeff_4 value="0"/>
        <power_fun_coeff_5 value="0"/>
        <power_fun_coeff_6 value="0"/>
        <power_fun_coeff_7 value="0"/>
        <power_fun_coeff_8 value="0"/>
        <power_fun_coeff_9 value="0"/>
      </gasTurbine>
      <gasTurbine id="CS1_Chayandinskaya_D4">
        <energy_rate_fun_coeff_1 value="1500"/>
        <energy_rate_fun_coeff_2 value="2.7"/>
        <energy_rate_fun_coeff_3 value="0"/>
        <power_fun_coeff_1 value="17180"/>
        <power_fun_coeff_2 value="0"/>
        <power_fun_coeff_3 value="0"/>
        <power_fun_coeff_4 value="0"/>
        <power_fun_coeff_5 value="0"/>
        <power_fun_coeff_6 value="0"/>
        <power_fun_coeff_7 value="0"/>
        <power_fun_coeff_8 value="0"/>
        <power_fun_coeff_9 value="0"/>
      </gasTurbine>
    </drives>
    <configurations>
      <configuration confId="2x2" nrOfSerialStages="2">
        <stage stageNr="1" nrOfParallelUnits="2">
          <compressor id="CS1_Chayandinskaya_U1" nominalSpeed="10000"/>
          <compressor id="CS1_Chayandinskaya_U2" nominalSpeed="10000"/>
        </stage>
        <stage stageNr="2" nrOfParallelUnits="2">
          <compressor id="CS1_Chayandinskaya_U3" nominalSpeed="10000"/>
          <compressor id="CS1_Chayandinskaya_U4" nominalSpeed="10000"/>
        </stage>
      </configuration>
      <configuration confId="2x1" nrOfSerialStages="2">
        <stage stageNr="1" nrOfParallelUnits="1">
          <compressor id="CS1_Chayandinskaya_U1" nominalSpeed="10000"/>
        </stage>
        <stage stageNr="2" nrOfParallelUnits="1">
          <compressor id="CS1_Chayandinskaya_U3" nominalSpeed="10000"/>
        </stage>
      </configuration>
      <configuration confId="1x2" nrOfSerialStages="1">
        <stage stageNr="1" nrOfParallelUnits="2">
          <compressor id="CS1_Chayandinskaya_U1" nominalSpeed="10000"/>
          <compressor id="CS1_Chayandinskaya_U2" nominalSpeed="10000"/>
        </stage>
      </configuration>
      <configuration confId="1x1" nrOfSerialStages="1">
        <stage stageNr="1" nrOfParallelUnits="1">
          <compressor id="CS1_Chayandinskaya_U1" nominalSpeed="10000"/>
        </stage>
      </configuration>
    </configurations>
  </compressorStation>
  <compressorStation id="CS2_Olyokminskaya">
    <compressors>
      <turboCompressor drive="CS2_Olyokminskaya_D1" id="CS2_Olyokminskaya_U1">
        <speedMin value="5760" unit="per_min"/>
        <speedMax value="11600" unit="per_min"/>
        <n_isoline_coeff_1 value="-9.12494"/>
        <n_isoline_coeff_2 value="0.00210704"/>
        <n_isoline_coeff_3 value="6.98108e-08"/>
        <n_isoline_coeff_4 value="2.53381295"/>
        <n_isoline_coeff_5 value="-2.8501199e-05"/>
        <n_isoline_coeff_6 value="3.20661871e-08"/>
        <n_isoline_coeff_7 value="-0.607582998"/>
        <n_isoline_coeff_8 value="3.80783143e-05"/>
        <n_isoline_coeff_9 value="-2.018115e-09"/>
        <eta_ad_isoline_coeff_1 value="1.30314"/>
        <eta_ad_isoline_coeff_2 value="-0.000270759"/>
        <eta_ad_isoline_coeff_3 value="1.36317e-08"/>
        <eta_ad_isoline_coeff_4 value="0.088458753"/>
        <eta_ad_isoline_coeff_5 value="4.87947242e-05"/>
        <eta_ad_isoline_coeff_6 value="-3.65647482e-09"/>
        <eta_ad_isoline_coeff_7 value="-0.0444829748"/>
        <eta_ad_isoline_coeff_8 value="3.55946035e-06"/>
        <eta_ad_isoline_coeff_9 value="-3.64793633e-11"/>
        <surgeline_coeff_1 value="-77.6315"/>
        <surgeline_coeff_2 value="28.3671463"/>
        <surgeline_coeff_3 value="-1.42107896"/>
        <chokeline_coeff_1 value="0.168264"/>
        <chokeline_coeff_2 value="-0.0547640288"/>
        <chokeline_coeff_3 value="0.142616842"/>
      </turboCompressor>
      <turboCompressor drive="CS2_Olyokminskaya_D2" id="CS2_Olyokminskaya_U2">
        <speedMin value="5760" unit="per_min"/>
        <speedMax value="11600" unit="per_min"/>
        <n_isoline_coeff_1 value="-9.12494"/>
        <n_isoline_coeff_2 value="0.00210704"/>
        <n_isoline_coeff_3 value="6.98108e-08"/>
        <n_isoline_coeff_4 value="2.53381295"/>
        <n_isoline_coeff_5 value="-2.8501199e-05"/>
        <n_isoline_coeff_6 value="3.20661871e-08"/>
        <n_isoline_coeff_7 value="-0.607582998"/>
        <n_isoline_coeff_8 value="3.80783143e-05"/>
        <n_isoline_coeff_9 value="-2.018115e-09"/>
        <eta_ad_isoline_coeff_1 value="1.30314"/>
        <eta_ad_isoline_coeff_2 value="-0.000270759"/>
        <eta_ad_isoline_coeff_3 value="1.36317e-08"/>
        <eta_ad_isoline_coeff_4 value="0.088458753"/>
        <eta_ad_isoline_coeff_5 value="4.87947242e-05"/>
        <eta_ad_isoline_coeff_6 value="-3.65647482e-09"/>
        <eta_ad_isoline_coeff_7 value="-0.0444829748"/>
        <eta_ad_isoline_coeff_8 value="3.55946035e-06"/>
        <eta_ad_isoline_coeff_9 value="-3.64793633e-11"/>
        <surgeline_coeff_1 value="-77.6315"/>
        <surgeline_coeff_2 value="28.3671463"/>
        <surgeline_coeff_3 value="-1.42107896"/>
        <chokeline_coeff_1 value="0.168264"/>
        <chokeline_coeff_2 value="-0.0547640288"/>
        <chokeline_coeff_3 value="0.142616842"/>
      </turboCompressor>
      <turboCompressor drive="CS2_Olyokminskaya_D3" id="CS2_Olyokminskaya_U3">
        <speedMin value="5760" unit="per_min"/>
        <speedMax value="11600" unit="per_min"/>
        <n_isoline_coeff_1 value="-9.12494"/>
        <n_isoline_coeff_2 value="0.00210704"/>
        <n_isoline_coeff_3 value="6.98108e-08"/>
        <n_isoline_coeff_4 value="2.53381295"/>
        <n_isoline_coeff_5 value="-2.8501199e-05"/>
        <n_isoline_coeff_6 value="3.20661871e-08"/>
        <n_isoline_coeff_7 value="-0.607582998"/>
        <n_isoline_coeff_8 value="3.80783143e-05"/>
        <n_isoline_coeff_9 value="-2.018115e-09"/>
        <eta_ad_isoline_coeff_1 value="1.30314"/>
        <eta_ad_isoline_coeff_2 value="-0.000270759"/>
        <eta_ad_isoline_coeff_3 value="1.36317e-08"/>
        <eta_ad_isoline_coeff_4 value="0.088458753"/>
        <eta_ad_isoline_coeff_5 value="4.87947242e-05"/>
        <eta_ad_isoline_coeff_6 value="-3.65647482e-09"/>
        <eta_ad_isoline_coeff_7 value="-0.0444829748"/>
        <eta_ad_isoline_coeff_8 value="3.55946035e-06"/>
        <eta_ad_isoline_coeff_9 value="-3.64793633e-11"/>
        <surgeline_coeff_1 value="-77.6315"/>
        <surgeline_coeff_2 value="28.3671463"/>
        <surgeline_coeff_3 value="-1.42107896"/>
        <chokeline_coeff_1 value="0.168264"/>
        <chokeline_coeff_2 value="-0.0547640288"/>
        <chokeline_coeff_3 value="0.142616842"/>
      </turboCompressor>
      <turboCompressor drive="CS2_Olyokminskaya_D4" id="CS2_Olyokminskaya_U4">
        <speedMin value="5760" unit="per_min"/>
        <speedMax value="11600" unit="per_min"/>
        <n_isoline_coeff_1 value="-9.12494"/>
        <n_isoline_coeff_2 value="0.00210704"/>
        <n_isoline_coeff_3 value="6.98108e-08"/>
        <n_isoline_coeff_4 value="2.53381295"/>
        <n_isoline_coeff_5 value="-2.8501199e-05"/>
        <n_isoline_coeff_6 value="3.20661871e-08"/>
        <n_isoline_coeff_7 value="-0.607582998"/>
        <n_isoline_coeff_8 value="3.80783143e-05"/>
        <n_isoline_coeff_9 value="-2.018115e-09"/>
        <eta_ad_isoline_coeff_1 value="1.30314"/>
        <eta_ad_isoline_coeff_2 value="-0.000270759"/>
        <eta_ad_isoline_coeff_3 value="1.36317e-08"/>
        <eta_ad_isoline_coeff_4 value="0.088458753"/>
        <eta_ad_isoline_coeff_5 value="4.87947242e-05"/>
        <eta_ad_isoline_coeff_6 value="-3.65647482e-09"/>
        <eta_ad_isoline_coeff_7 value="-0.0444829748"/>
        <eta_ad_isoline_coeff_8 value="3.55946035e-06"/>
        <eta_ad_isoline_coeff_9 value="-3.64793633e-11"/>
        <surgeline_coeff_1 value="-77.6315"/>
        <surgeline_coeff_2 value="28.3671463"/>
        <surgeline_coeff_3 value="-1.42107896"/>
        <chokeline_coeff_1 value="0.168264"/>
        <chokeline_coeff_2 value="-0.0547640288"/>
        <chokeline_coeff_3 value="0.142616842"/>
      </turboCompressor>
    </compressors>
    <drives>
      <gasTurbine id="CS2_Olyokminskaya_D1">
        <energy_rate_fun_coeff_1 value="1500"/>
        <energy_rate_fun_coeff_2 value="2.7"/>
        <energy_rate_fun_coeff_3 value="0"/>
        <power_fun_coeff_1 value="17180"/>
        <power_fun_coeff_2 value="0"/>
        <power_fun_coeff_3 value="0"/>
        <power_fun_coeff_4 value="0"/>
        <power_fun_coeff_5 value="0"/>
        <power_fun_coeff_6 value="0"/>
        <power_fun_coeff_7 value="0"/>
        <power_fun_coeff_8 value="0"/>
        <power_fun_coeff_9 value="0"/>
      </gasTurbine>
      <gasTurbine id="CS2_Olyokminskaya_D2">
        <energy_rate_fun_coeff_1 value="1500"/>
        <energy_rate_fun_coeff_2 value="2.7"/>
        <energy_rate_fun_coeff_3 value="0"/>
        <power_fun_coeff_1 value="17180"/>
        <power_fun_coeff_2 value="0"/>
        <power_fun_coeff_3 value="0"/>
        <power_fun_coeff_4 value="0"/>
        <power_fun_coeff_5 value="0"/>
        <power_fun_coeff_6 value="0"/>
        <power_fun_coeff_7 value="0"/>
        <power_fun_coeff_8 value="0"/>
        <power_fun_coeff_9 value="0"/>
      </gasTurbine>
      <gasTurbine id="CS2_Olyokminskaya_D3">
        <energy_rate_fun_coeff_1 value="1500"/>
        <energy_rate_fun_coeff_2 value="2.7"/>
        <energy_rate_fun_coeff_3 value="0"/>
        <power_fun_coeff_1 value="17180"/>
        <power_fun_coeff_2 value="0"/>
        <power_fun_coeff_3 value="0"/>
        <power_fun_coeff_4 value="0"/>
        <power_fun_coeff_5 value="0"/>
        <power_fun_coeff_6 value="0"/>
        <power_fun_coeff_7 value="0"/>
        <power_fun_coeff_8 value="0"/>
        <power_fun_coeff_9 value="0"/>
      </gasTurbine>
      <gasTurbine id="CS2_Olyokminskaya_D4">
        <energy_rate_fun_coeff_1 value="1500"/>
        <energy_rate_fun_coeff_2 value="2.7"/>
        <energy_rate_fun_coeff_3 value="0"/>
        <power_fun_coeff_1 value="17180"/>
        <power_fun_coeff_2 value="0"/>
        <power_fun_coeff_3 value="0"/>
        <power_fun_coeff_4 value="0"/>
        <power_fun_coeff_5 value="0"/>
        <power_fun_coeff_6 value="0"/>
        <power_fun_coeff_7 value="0"/>
        <power_fun_coeff_8 value="0"/>
        <power_fun_coeff_9 value="0"/>
      </gasTurbine>
    </drives>
    <configurations>
      <configuration confId="2x2" nrOfSerialStages="2">
        <stage stageNr="1" nrOfParallelUnits="2">
          <compressor id="CS2_Olyokminskaya_U1" nominalSpeed="10000"/>
          <compressor id="CS2_Olyokminskaya_U2" nominalSpeed="10000"/>
        </stage>
        <stage stageNr="2" nrOfParallelUnits="2">
          <compressor id="CS2_Olyokminskaya_U3" nominalSpeed="10000"/>
          <compressor id="CS2_Olyokminskaya_U4" nominalSpeed="10000"/>
        </stage>
      </configuration>
      <configuration confId="2x1" nrOfSerialStages="2">
        <stage stageNr="1" nrOfParallelUnits="1">
          <compressor id="CS2_Olyokminskaya_U1" nominalSpeed="10000"/>
        </stage>
        <stage stageNr="2" nrOfParallelUnits="1">
          <compressor id="CS2_Olyokminskaya_U3" nominalSpeed="10000"/>
        </stage>
      </configuration>
      <configuration confId="1x2" nrOfSerialStages="1">
        <stage stageNr="1" nrOfParallelUnits="2">
          <compressor id="CS2_Olyokminskaya_U1" nominalSpeed="10000"/>
          <compressor id="CS2_Olyokminskaya_U2" nominalSpeed="10000"/>
        </stage>
      </configuration>
      <configuration confId="1x1" nrOfSerialStages="1">
        <stage stageNr="1" nrOfParallelUnits="1">
          <compressor id="CS2_Olyokminskaya_U1" nominalSpeed="10000"/>
        </stage>
      </configuration>
    </configurations>
  </compressorStation>
  <compressorStation id="CS3_Amginskaya">
    <compressors>
      <turboCompressor drive="CS3_Amginskaya_D1" id="CS3_Amginskaya_U1">
        <speedMin value="5760" unit="per_min"/>
        <speedMax value="11600" unit="per_min"/>
        <n_isoline_coeff_1 value="-9.12494"/>
        <n_isoline_coeff_2 value="0.00210704"/>
        <n_isoline_coeff_3 value="6.98108e-08"/>
        <n_isoline_coeff_4 value="2.53381295"/>
        <n_isoline_coeff_5 value="-2.8501199e-05"/>
        <n_isoline_coeff_6 value="3.20661871e-08"/>
        <n_isoline_coeff_7 value="-0.607582998"/>
        <n_isoline_coeff_8 value="3.80783143e-05"/>
        <n_isoline_coeff_9 value="-2.018115e-09"/>
        <eta_ad_isoline_coeff_1 value="1.30314"/>
        <eta_ad_isoline_coeff_2 value="-0.000270759"/>
        <eta_ad_isoline_coeff_3 value="1.36317e-08"/>
        <eta_ad_isoline_coeff_4 value="0.088458753"/>
        <eta_ad_isoline_coeff_5 value="4.87947242e-05"/>
        <eta_ad_isoline_coeff_6 value="-3.65647482e-09"/>
        <eta_ad_isoline_coeff_7 value="-0.0444829748"/>
        <eta_ad_isoline_coeff_8 value="3.55946035e-06"/>
        <eta_ad_isoline_coeff_9 value="-3.64793633e-11"/>
        <surgeline_coeff_1 value="-77.6315"/>
        <surgeline_coeff_2 value="28.3671463"/>
        <surgeline_coeff_3 value="-1.42107896"/>
        <chokeline_coeff_1 value="0.168264"/>
        <chokeline_coeff_2 value="-0.0547640288"/>
        <chokeline_coeff_3 value="0.142616842"/>
      </turboCompressor>
      <turboCompressor drive="CS3_Amginskaya_D2" id="CS3_Amginskaya_U2">
        <speedMin value="5760" unit="per_min"/>
        <speedMax value="11600" unit="per_min"/>
        <n_isoline_coeff_1 value="-9.12494"/>
        <n_isoline_coeff_2 value="0.00210704"/>
        <n_isoline_coeff_3 value="6.98108e-08"/>
        <n_isoline_coeff_4 value="2.53381295"/>
        <n_isoline_coeff_5 value="-2.8501199e-05"/>
        <n_isoline_coeff_6 value="3.20661871e-08"/>
        <n_isoline_coeff_7 value="-0.607582998"/>
        <n_isoline_coeff_8 value="3.80783143e-05"/>
        <n_isoline_coeff_9 value="-2.018115e-09"/>
        <eta_ad_isoline_coeff_1 value="1.30314"/>
        <eta_ad_isoline_coeff_2 value="-0.000270759"/>
        <eta_ad_isoline_coeff_3 value="1.36317e-08"/>
        <eta_ad_isoline_coeff_4 value="0.088458753"/>
        <eta_ad_isoline_coeff_5 value="4.87947242e-05"/>
        <eta_ad_isoline_coeff_6 value="-3.65647482e-09"/>
        <eta_ad_isoline_coeff_7 value="-0.0444829748"/>
        <eta_ad_isoline_coeff_8 value="3.55946035e-06"/>
        <eta_ad_isoline_coeff_9 value="-3.64793633e-11"/>
        <surgeline_coeff_1 value="-77.6315"/>
        <surgeline_coeff_2 value="28.3671463"/>
        <surgeline_coeff_3 value="-1.42107896"/>
        <chokeline_coeff_1 value="0.168264"/>
        <chokeline_coeff_2 value="-0.0547640288"/>
        <chokeline_coeff_3 value="0.142616842"/>
      </turboCompressor>
      <turboCompressor drive="CS3_Amginskaya_D3" id="CS3_Amginskaya_U3">
        <speedMin value="5760" unit="per_min"/>
        <speedMax value="11600" unit="per_min"/>
        <n_isoline_coeff_1 value="-9.12494"/>
        <n_isoline_coeff_2 value="0.00210704"/>
        <n_isoline_coeff_3 value="6.98108e-08"/>
        <n_isoline_coeff_4 value="2.53381295"/>
        <n_isoline_coeff_5 value="-2.8501199e-05"/>
        <n_isoline_coeff_6 value="3.20661871e-08"/>
        <n_isoline_coeff_7 value="-0.607582998"/>
        <n_isoline_coeff_8 value="3.80783143e-05"/>
        <n_isoline_coeff_9 value="-2.018115e-09"/>
        <eta_ad_isoline_coeff_1 value="1.30314"/>
        <eta_ad_isoline_coeff_2 value="-0.000270759"/>
        <eta_ad_isoline_coeff_3 value="1.36317e-08"/>
        <eta_ad_isoline_coeff_4 value="0.088458753"/>
        <eta_ad_isoline_coeff_5 value="4.87947242e-05"/>
        <eta_ad_isoline_coeff_6 value="-3.65647482e-09"/>
        <eta_ad_isoline_coeff_7 value="-0.0444829748"/>
        <eta_ad_isoline_coeff_8 value="3.55946035e-06"/>
        <eta_ad_isoline_coeff_9 value="-3.64793633e-11"/>
        <surgeline_coeff_1 value="-77.6315"/>
        <surgeline_coeff_2 value="28.3671463"/>
        <surgeline_coeff_3 value="-1.42107896"/>
        <chokeline_coeff_1 value="0.168264"/>
        <chokeline_coeff_2 value="-0.0547640288"/>
        <chokeline_coeff_3 value="0.142616842"/>
      </turboCompressor>
      <turboCompressor drive="CS3_Amginskaya_D4" id="CS3_Amginskaya_U4">
        <speedMin value="5760" unit="per_min"/>
        <speedMax value="11600" unit="per_min"/>
        <n_isoline_coeff_1 value="-9.12494"/>
        <n_isoline_coeff_2 value="0.00210704"/>
        <n_isoline_coeff_3 value="6.98108e-08"/>
        <n_isoline_coeff_4 value="2.53381295"/>
        <n_isoline_coeff_5 value="-2.8501199e-05"/>
        <n_isoline_coeff_6 value="3.20661871e-08"/>
        <n_isoline_coeff_7 value="-0.607582998"/>
        <n_isoline_coeff_8 value="3.80783143e-05"/>
        <n_isoline_coeff_9 value="-2.018115e-09"/>
        <eta_ad_isoline_coeff_1 value="1.30314"/>
        <eta_ad_isoline_coeff_2 value="-0.000270759"/>
        <eta_ad_isoline_coeff_3 value="1.36317e-08"/>
        <eta_ad_isoline_coeff_4 value="0.088458753"/>
        <eta_ad_isoline_coeff_5 value="4.87947242e-05"/>
        <eta_ad_isoline_coeff_6 value="-3.65647482e-09"/>
        <eta_ad_isoline_coeff_7 value="-0.0444829748"/>
        <eta_ad_isoline_coeff_8 value="3.55946035e-06"/>
        <eta_ad_isoline_coeff_9 value="-3.64793633e-11"/>
        <surgeline_coeff_1 value="-77.6315"/>
        <surgeline_coeff_2 value="28.3671463"/>
        <surgeline_coeff_3 value="-1.42107896"/>
        <chokeline_coeff_1 value="0.168264"/>
        <chokeline_coeff_2 value="-0.0547640288"/>
        <chokeline_coeff_3 value="0.142616842"/>
      </turboCompressor>
    </compressors>
    <drives>
      <gasTurbine id="CS3_Amginskaya_D1">
        <energy_rate_fun_coeff_1 value="1500"/>
        <energy_rate_fun_coeff_2 value="2.7"/>
        <energy_rate_fun_coeff_3 value="0"/>
        <power_fun_coeff_1 value="17180"/>
        <power_fun_coeff_2 value="0"/>
        <power_fun_coeff_3 value="0"/>
        <power_fun_coeff_4 value="0"/>
        <power_fun_coeff_5 value="0"/>
        <power_fun_coeff_6 value="0"/>
        <power_fun_coeff_7 value="0"/>
        <power_fun_coeff_8 value="0"/>
        <power_fun_coeff_9 value="0"/>
      </gasTurbine>
      <gasTurbine id="CS3_Amginskaya_D2">
        <energy_rate_fun_coeff_1 value="1500"/>
        <energy_rate_fun_coeff_2 value="2.7"/>
        <energy_rate_fun_coeff_3 value="0"/>
        <power_fun_coeff_1 value="17180"/>
        <power_fun_coeff_2 value="0"/>
        <power_fun_coeff_3 value="0"/>
        <power_fun_coeff_4 value="0"/>
        <power_fun_coeff_5 value="0"/>
        <power_fun_coeff_6 value="0"/>
        <power_fun_coeff_7 value="0"/>
        <power_fun_coeff_8 value="0"/>
        <power_fun_coeff_9 value="0"/>
      </gasTurbine>
      <gasTurbine id="CS3_Amginskaya_D3">
        <energy_rate_fun_coeff_1 value="1500"/>
        <energy_rate_fun_coeff_2 value="2.7"/>
        <energy_rate_fun_coeff_3 value="0"/>
        <power_fun_coeff_1 value="17180"/>
        <power_fun_coeff_2 value="0"/>
        <power_fun_coeff_3 value="0"/>
        <power_fun_coeff_4 value="0"/>
        <power_fun_coeff_5 value="0"/>
        <power_fun_coeff_6 value="0"/>
        <power_fun_coeff_7 value="0"/>
        <power_fun_coeff_8 value="0"/>
        <power_fun_coeff_9 value="0"/>
      </gasTurbine>
      <gasTurbine id="CS3_Amginskaya_D4">
        <energy_rate_fun_coeff_1 value="1500"/>
        <energy_rate_fun_coeff_2 value="2.7"/>
        <energy_rate_fun_coeff_3 value="0"/>
        <power_fun_coeff_1 value="17180"/>
        <power_fun_coeff_2 value="0"/>
        <power_fun_coeff_3 value="0"/>
        <power_fun_coeff_4 value="0"/>
        <power_fun_coeff_5 value="0"/>
        <power_fun_coeff_6 value="0"/>
        <power_fun_coeff_7 value="0"/>
        <power_fun_coeff_8 value="0"/>
        <power_fun_coeff_9 value="0"/>
      </gasTurbine>
    </drives>
    <configurations>
      <configuration confId="2x2" nrOfSerialStages="2">
        <stage stageNr="1" nrOfParallelUnits="2">
          <compressor id="CS3_Amginskaya_U1" nominalSpeed="10000"/>
          <compressor id="CS3_Amginskaya_U2" nominalSpeed="10000"/>
        </stage>
        <stage stageNr="2" nrOfParallelUnits="2">
          <compressor id="CS3_Amginskaya_U3" nominalSpeed="10000"/>
          <compressor id="CS3_Amginskaya_U4" nominalSpeed="10000"/>
        </stage>
      </configuration>
      <configuration confId="2x1" nrOfSerialStages="2">
        <stage stageNr="1" nrOfParallelUnits="1">
          <compressor id="CS3_Amginskaya_U1" nominalSpeed="10000"/>
        </stage>
        <stage stageNr="2" nrOfParallelUnits="1">
          <compressor id="CS3_Amginskaya_U3" nominalSpeed="10000"/>
        </stage>
      </configuration>
      <configuration confId="1x2" nrOfSerialStages="1">
        <stage stageNr="1" nrOfParallelUnits="2">
          <compressor id="CS3_Amginskaya_U1" nominalSpeed="10000"/>
          <compressor id="CS3_Amginskaya_U2" nominalSpeed="10000"/>
        </stage>
      </configuration>
      <configuration confId="1x1" nrOfSerialStages="1">
        <stage stageNr="1" nrOfParallelUnits="1">
          <compressor id="CS3_Amginskaya_U1" nominalSpeed="10000"/>
        </stage>
      </configuration>
    </configurations>
  </compressorStation>
  <compressorStation id="CS4_Nimnyrkaya">
    <compressors>
      <turboCompressor drive="CS4_Nimnyrkaya_D1" id="CS4_Nimnyrkaya_U1">
        <speedMin value="5760" unit="per_min"/>
        <speedMax value="11600" unit="per_min"/>
        <n_isoline_coeff_1 value="-9.12494"/>
        <n_isoline_coeff_2 value="0.00210704"/>
        <n_isoline_coeff_3 value="6.98108e-08"/>
        <n_isoline_coeff_4 value="2.53381295"/>
        <n_isoline_coeff_5 value="-2.8501199e-05"/>
        <n_isoline_coeff_6 value="3.20661871e-08"/>
        <n_isoline_coeff_7 value="-0.607582998"/>
        <n_isoline_coeff_8 value="3.80783143e-05"/>
        <n_isoline_coeff_9 value="-2.018115e-09"/>
        <eta_ad_isoline_coeff_1 value="1.30314"/>
        <eta_ad_isoline_coeff_2 value="-0.000270759"/>
        <eta_ad_isoline_coeff_3 value="1.36317e-08"/>
        <eta_ad_isoline_coeff_4 value="0.088458753"/>
        <eta_ad_isoline_coeff_5 value="4.87947242e-05"/>
        <eta_ad_isoline_coeff_6 value="-3.65647482e-09"/>
        <eta_ad_isoline_coeff_7 value="-0.0444829748"/>
        <eta_ad_isoline_coeff_8 value="3.55946035e-06"/>
        <eta_ad_isoline_coeff_9 value="-3.64793633e-11"/>
        <surgeline_coeff_1 value="-77.6315"/>
        <surgeline_coeff_2 value="28.3671463"/>
        <surgeline_coeff_3 value="-1.42107896"/>
        <chokeline_coeff_1 value="0.168264"/>
        <chokeline_coeff_2 value="-0.0547640288"/>
        <chokeline_coeff_3 value="0.142616842"/>
      </turboCompressor>
      <turboCompressor drive="CS4_Nimnyrkaya_D2" id="CS4_Nimnyrkaya_U2">
        <speedMin value="5760" unit="per_min"/>
        <speedMax value="11600" unit="per_min"/>
        <n_isoline_coeff_1 value="-9.12494"/>
        <n_isoline_coeff_2 value="0.00210704"/>
        <n_isoline_coeff_3 value="6.98108e-08"/>
        <n_isoline_coeff_4 value="2.53381295"/>
        <n_isoline_coeff_5 value="-2.8501199e-05"/>
        <n_isoline_coeff_6 value="3.20661871e-08"/>
        <n_isoline_coeff_7 value="-0.607582998"/>
        <n_isoline_coeff_8 value="3.80783143e-05"/>
        <n_isoline_coeff_9 value="-2.018115e-09"/>
        <eta_ad_isoline_coeff_1 value="1.30314"/>
        <eta_ad_isoline_coeff_2 value="-0.000270759"/>
        <eta_ad_isoline_coeff_3 value="1.36317e-08"/>
        <eta_ad_isoline_coeff_4 value="0.088458753"/>
        <eta_ad_isoline_coeff_5 value="4.87947242e-05"/>
        <eta_ad_isoline_coeff_6 value="-3.65647482e-09"/>
        <eta_ad_isoline_coeff_7 value="-0.0444829748"/>
        <eta_ad_isoline_coeff_8 value="3.55946035e-06"/>
        <eta_ad_isoline_coeff_9 value="-3.64793633e-11"/>
        <surgeline_coeff_1 value="-77.6315"/>
        <surgeline_coeff_2 value="28.3671463"/>
        <surgeline_coeff_3 value="-1.42107896"/>
        <chokeline_coeff_1 value="0.168264"/>
        <chokeline_coeff_2 value="-0.0547640288"/>
        <chokeline_coeff_3 value="0.142616842"/>
      </turboCompressor>
      <turboCompressor drive="CS4_Nimnyrkaya_D3" id="CS4_Nimnyrkaya_U3">
        <speedMin value="5760" unit="per_min"/>
        <speedMax value="11600" unit="per_min"/>
        <n_isoline_coeff_1 value="-9.12494"/>
        <n_isoline_coeff_2 value="0.00210704"/>
        <n_isoline_coeff_3 value="6.98108e-08"/>
        <n_isoline_coeff_4 value="2.53381295"/>
        <n_isoline_coeff_5 value="-2.8501199e-05"/>
        <n_isoline_coeff_6 value="3.20661871e-08"/>
        <n_isoline_coeff_7 value="-0.607582998"/>
        <n_isoline_coeff_8 value="3.80783143e-05"/>
        <n_isoline_coeff_9 value="-2.018115e-09"/>
        <eta_ad_isoline_coeff_1 value="1.30314"/>
        <eta_ad_isoline_coeff_2 value="-0.000270759"/>
        <eta_ad_isoline_coeff_3 value="1.36317e-08"/>
        <eta_ad_isoline_coeff_4 value="0.088458753"/>
        <eta_ad_isoline_coeff_5 value="4.87947242e-05"/>
        <eta_ad_isoline_coeff_6 value="-3.65647482e-09"/>
        <eta_ad_isoline_coeff_7 value="-0.0444829748"/>
        <eta_ad_isoline_coeff_8 value="3.55946035e-06"/>
        <eta_ad_isoline_coeff_9 value="-3.64793633e-11"/>
        <surgeline_coeff_1 value="-77.6315"/>
        <surgeline_coeff_2 value="28.3671463"/>
        <surgeline_coeff_3 value="-1.42107896"/>
        <chokeline_coeff_1 value="0.168264"/>
        <chokeline_coeff_2 value="-0.0547640288"/>
        <chokeline_coeff_3 value="0.142616842"/>
      </turboCompressor>
      <turboCompressor drive="CS4_Nimnyrkaya_D4" id="CS4_Nimnyrkaya_U4">
        <speedMin value="5760" unit="per_min"/>
        <speedMax value="11600" unit="per_min"/>
        <n_isoline_coeff_1 value="-9.12494"/>
        <n_isoline_coeff_2 value="0.00210704"/>
        <n_isoline_coeff_3 value="6.98108e-08"/>
        <n_isoline_coeff_4 value="2.53381295"/>
        <n_isoline_coeff_5 value="-2.8501199e-05"/>
        <n_isoline_coeff_6 value="3.20661871e-08"/>
        <n_isoline_coeff_7 value="-0.607582998"/>
        <n_isoline_coeff_8 value="3.80783143e-05"/>
        <n_isoline_coeff_9 value="-2.018115e-09"/>
        <eta_ad_isoline_coeff_1 value="1.30314"/>
        <eta_ad_isoline_coeff_2 value="-0.000270759"/>
        <eta_ad_isoline_coeff_3 value="1.36317e-08"/>
        <eta_ad_isoline_coeff_4 value="0.088458753"/>
        <eta_ad_isoline_coeff_5 value="4.87947242e-05"/>
        <eta_ad_isoline_coeff_6 value="-3.65647482e-09"/>
        <eta_ad_isoline_coeff_7 value="-0.0444829748"/>
        <eta_ad_isoline_coeff_8 value="3.55946035e-06"/>
        <eta_ad_isoline_coeff_9 value="-3.64793633e-11"/>
        <surgeline_coeff_1 value="-77.6315"/>
        <surgeline_coeff_2 value="28.3671463"/>
        <surgeline_coeff_3 value="-1.42107896"/>
        <chokeline_coeff_1 value="0.168264"/>
        <chokeline_coeff_2 value="-0.0547640288"/>
        <chokeline_coeff_3 value="0.142616842"/>
      </turboCompressor>
    </compressors>
    <drives>
      <gasTurbine id="CS4_Nimnyrkaya_D1">
        <energy_rate_fun_coeff_1 value="1500"/>
        <energy_rate_fun_coeff_2 value="2.7"/>
        <energy_rate_fun_coeff_3 value="0"/>
        <power_fun_coeff_1 value="17180"/>
        <power_fun_coeff_2 value="0"/>
        <power_fun_coeff_3 value="0"/>
        <power_fun_coeff_4 value="0"/>
        <power_fun_coeff_5 value="0"/>
        <power_fun_coeff_6 value="0"/>
        <power_fun_coeff_7 value="0"/>
        <power_fun_coeff_8 value="0"/>
        <power_fun_coeff_9 value="0"/>
      </gasTurbine>
      <gasTurbine id="CS4_Nimnyrkaya_D2">
        <energy_rate_fun_coeff_1 value="1500"/>
        <energy_rate_fun_coeff_2 value="2.7"/>
        <energy_rate_fun_coeff_3 value="0"/>
        <power_fun_coeff_1 value="17180"/>
        <power_fun_coeff_2 value="0"/>
        <power_fun_coeff_3 value="0"/>
        <power_fun_coeff_4 value="0"/>
        <power_fun_coeff_5 value="0"/>
        <power_fun_coeff_6 value="0"/>
        <power_fun_coeff_7 value="0"/>
        <power_fun_coeff_8 value="0"/>
        <power_fun_coeff_9 value="0"/>
      </gasTurbine>
      <gasTurbine id="CS4_Nimnyrkaya_D3">
        <energy_rate_fun_coeff_1 value="1500"/>
        <energy_rate_fun_coeff_2 value="2.7"/>
        <energy_rate_fun_coeff_3 value="0"/>
        <power_fun_coeff_1 value="17180"/>
        <power_fun_coeff_2 value="0"/>
        <power_fun_coeff_3 value="0"/>
        <power_fun_coeff_4 value="0"/>
        <power_fun_coeff_5 value="0"/>
        <power_fun_coeff_6 value="0"/>
        <power_fun_coeff_7 value="0"/>
        <power_fun_coeff_8 value="0"/>
        <power_fun_coeff_9 value="0"/>
      </gasTurbine>
      <gasTurbine id="CS4_Nimnyrkaya_D4">
        <energy_rate_fun_coeff_1 value="1500"/>
        <energy_rate_fun_coeff_2 value="2.7"/>
        <energy_rate_fun_coeff_3 value="0"/>
        <power_fun_coeff_1 value="17180"/>
        <power_fun_coeff_2 value="0"/>
        <power_fun_coeff_3 value="0"/>
        <power_fun_coeff_4 value="0"/>
        <power_fun_coeff_5 value="0"/>
        <power_fun_coeff_6 value="0"/>
        <power_fun_coeff_7 value="0"/>
        <power_fun_coeff_8 value="0"/>
        <power_fun_coeff_9 value="0"/>
      </gasTurbine>
    </drives>
    <configurations>
      <configuration confId="2x2" nrOfSerialStages="2">
        <stage stageNr="1" nrOfParallelUnits="2">
          <compressor id="CS4_Nimnyrkaya_U1" nominalSpeed="10000"/>
          <compressor id="CS4_Nimnyrkaya_U2" nominalSpeed="10000"/>
        </stage>
        <stage stageNr="2" nrOfParallelUnits="2">
          <compressor id="CS4_Nimnyrkaya_U3" nominalSpeed="10000"/>
          <compressor id="CS4_Nimnyrkaya_U4" nominalSpeed="10000"/>
        </stage>
      </configuration>
      <configuration confId="2x1" nrOfSerialStages="2">
        <stage stageNr="1" nrOfParallelUnits="1">
          <compressor id="CS4_Nimnyrkaya_U1" nominalSpeed="10000"/>
        </stage>
        <stage stageNr="2" nrOfParallelUnits="1">
          <compressor id="CS4_Nimnyrkaya_U3" nominalSpeed="10000"/>
        </stage>
      </configuration>
      <configuration confId="1x2" nrOfSerialStages="1">
        <stage stageNr="1" nrOfParallelUnits="2">
          <compressor id="CS4_Nimnyrkaya_U1" nominalSpeed="10000"/>
          <compressor id="CS4_Nimnyrkaya_U2" nominalSpeed="10000"/>
        </stage>
      </configuration>
      <configuration confId="1x1" nrOfSerialStages="1">
        <stage stageNr="1" nrOfParallelUnits="1">
          <compressor id="CS4_Nimnyrkaya_U1" nominalSpeed="10000"/>
        </stage>
      </configuration>
    </configurations>
  </compressorStation>
  <compressorStation id="CS5_Nagornaya">
    <compressors>
      <turboCompressor drive="CS5_Nagornaya_D1" id="CS5_Nagornaya_U1">
        <speedMin value="5760" unit="per_min"/>
        <speedMax value="11600" unit="per_min"/>
        <n_isoline_coeff_1 value="-9.12494"/>
        <n_isoline_coeff_2 value="0.00210704"/>
        <n_isoline_coeff_3 value="6.98108e-08"/>
        <n_isoline_coeff_4 value="2.53381295"/>
        <n_isoline_coeff_5 value="-2.8501199e-05"/>
        <n_isoline_coeff_6 value="3.20661871e-08"/>
        <n_isoline_coeff_7 value="-0.607582998"/>
        <n_isoline_coeff_8 value="3.80783143e-05"/>
        <n_isoline_coeff_9 value="-2.018115e-09"/>
        <eta_ad_isoline_coeff_1 value="1.30314"/>
        <eta_ad_isoline_coeff_2 value="-0.000270759"/>
        <eta_ad_isoline_coeff_3 value="1.36317e-08"/>
        <eta_ad_isoline_coeff_4 value="0.088458753"/>
        <eta_ad_isoline_coeff_5 value="4.87947242e-05"/>
        <eta_ad_isoline_coeff_6 value="-3.65647482e-09"/>
        <eta_ad_isoline_coeff_7 value="-0.0444829748"/>
        <eta_ad_isoline_coeff_8 value="3.55946035e-06"/>
        <eta_ad_isoline_coeff_9 value="-3.64793633e-11"/>
        <surgeline_coeff_1 value="-77.6315"/>
        <surgeline_coeff_2 value="28.3671463"/>
        <surgeline_coeff_3 value="-1.42107896"/>
        <chokeline_coeff_1 value="0.168264"/>
        <chokeline_coeff_2 value="-0.0547640288"/>
        <chokeline_coeff_3 value="0.142616842"/>
      </turboCompressor>
      <turboCompressor drive="CS5_Nagornaya_D2" id="CS5_Nagornaya_U2">
        <speedMin value="5760" unit="per_min"/>
        <speedMax value="11600" unit="per_min"/>
        <n_isoline_coeff_1 value="-9.12494"/>
        <n_isoline_coeff_2 value="0.00210704"/>
        <n_isoline_coeff_3 value="6.98108e-08"/>
        <n_isoline_coeff_4 value="2.53381295"/>
        <n_isoline_coeff_5 value="-2.8501199e-05"/>
        <n_isoline_coeff_6 value="3.20661871e-08"/>
        <n_isoline_coeff_7 value="-0.607582998"/>
        <n_isoline_coeff_8 value="3.80783143e-05"/>
        <n_isoline_coeff_9 value="-2.018115e-09"/>
        <eta_ad_isoline_coeff_1 value="1.30314"/>
        <eta_ad_isoline_coeff_2 value="-0.000270759"/>
        <eta_ad_isoline_coeff_3 value="1.36317e-08"/>
        <eta_ad_isoline_coeff_4 value="0.088458753"/>
        <eta_ad_isoline_coeff_5 value="4.87947242e-05"/>
        <eta_ad_isoline_coeff_6 value="-3.65647482e-09"/>
        <eta_ad_isoline_coeff_7 value="-0.0444829748"/>
        <eta_ad_isoline_coeff_8 value="3.55946035e-06"/>
        <eta_ad_isoline_coeff_9 value="-3.64793633e-11"/>
        <surgeline_coeff_1 value="-77.6315"/>
        <surgeline_coeff_2 value="28.3671463"/>
        <surgeline_coeff_3 value="-1.42107896"/>
        <chokeline_coeff_1 value="0.168264"/>
        <chokeline_coeff_2 value="-0.0547640288"/>
        <chokeline_coeff_3 value="0.142616842"/>
      </turboCompressor>
      <turboCompressor drive="CS5_Nagornaya_D3" id="CS5_Nagornaya_U3">
        <speedMin value="5760" unit="per_min"/>
        <speedMax value="11600" unit="per_min"/>
        <n_isoline_coeff_1 value="-9.12494"/>
        <n_isoline_coeff_2 value="0.00210704"/>
        <n_isoline_coeff_3 value="6.98108e-08"/>
        <n_isoline_coeff_4 value="2.53381295"/>
        <n_isoline_coeff_5 value="-2.8501199e-05"/>
        <n_isoline_coeff_6 value="3.20661871e-08"/>
        <n_isoline_coeff_7 value="-0.607582998"/>
        <n_isoline_coeff_8 value="3.80783143e-05"/>
        <n_isoline_coeff_9 value="-2.018115e-09"/>
        <eta_ad_isoline_coeff_1 value="1.30314"/>
        <eta_ad_isoline_coeff_2 value="-0.000270759"/>
        <eta_ad_isoline_coeff_3 value="1.36317e-08"/>
        <eta_ad_isoline_coeff_4 value="0.088458753"/>
        <eta_ad_isoline_coeff_5 value="4.87947242e-05"/>
        <eta_ad_isoline_coeff_6 value="-3.65647482e-09"/>
        <eta_ad_isoline_coeff_7 value="-0.0444829748"/>
        <eta_ad_isoline_coeff_8 value="3.55946035e-06"/>
        <eta_ad_isoline_coeff_9 value="-3.64793633e-11"/>
        <surgeline_coeff_1 value="-77.6315"/>
        <surgeline_coeff_2 value="28.3671463"/>
        <surgeline_coeff_3 value="-1.42107896"/>
        <chokeline_coeff_1 value="0.168264"/>
        <chokeline_coeff_2 value="-0.0547640288"/>
        <chokeline_coeff_3 value="0.142616842"/>
      </turboCompressor>
      <turboCompressor drive="CS5_Nagornaya_D4" id="CS5_Nagornaya_U4">
        <speedMin value="5760" unit="per_min"/>
        <speedMax value="11600" unit="per_min"/>
        <n_isoline_coeff_1 value="-9.12494"/>
        <n_isoline_coeff_2 value="0.00210704"/>
        <n_isoline_coeff_3 value="6.98108e-08"/>
        <n_isoline_coeff_4 value="2.53381295"/>
        <n_isoline_coeff_5 value="-2.8501199e-05"/>
        <n_isoline_coeff_6 value="3.20661871e-08"/>
        <n_isoline_coeff_7 value="-0.607582998"/>
        <n_isoline_coeff_8 value="3.80783143e-05"/>
        <n_isoline_coeff_9 value="-2.018115e-09"/>
        <eta_ad_isoline_coeff_1 value="1.30314"/>
        <eta_ad_isoline_coeff_2 value="-0.000270759"/>
        <eta_ad_isoline_coeff_3 value="1.36317e-08"/>
        <eta_ad_isoline_coeff_4 value="0.088458753"/>
        <eta_ad_isoline_coeff_5 value="4.87947242e-05"/>
        <eta_ad_isoline_coeff_6 value="-3.65647482e-09"/>
        <eta_ad_isoline_coeff_7 value="-0.0444829748"/>
        <eta_ad_isoline_coeff_8 value="3.55946035e-06"/>
        <eta_ad_isoline_coeff_9 value="-3.64793633e-11"/>
        <surgeline_coeff_1 value="-77.6315"/>
        <surgeline_coeff_2 value="28.3671463"/>
        <surgeline_coeff_3 value="-1.42107896"/>
        <chokeline_coeff_1 value="0.168264"/>
        <chokeline_coeff_2 value="-0.0547640288"/>
        <chokeline_coeff_3 value="0.142616842"/>
      </turboCompressor>
    </compressors>
    <drives>
      <gasTurbine id="CS5_Nagornaya_D1">
        <energy_rate_fun_coeff_1 value="1500"/>
        <energy_rate_fun_coeff_2 value="2.7"/>
        <energy_rate_fun_coeff_3 value="0"/>
        <power_fun_coeff_1 value="17180"/>
        <power_fun_coeff_2 value="0"/>
        <power_fun_coeff_3 value="0"/>
        <power_fun_coeff_4 value="0"/>
        <power_fun_coeff_5 value="0"/>
        <power_fun_coeff_6 value="0"/>
        <power_fun_coeff_7 value="0"/>
        <power_fun_coeff_8 value="0"/>
        <power_fun_coeff_9 value="0"/>
      </gasTurbine>
      <gasTurbine id="CS5_Nagornaya_D2">
        <energy_rate_fun_coeff_1 value="1500"/>
        <energy_rate_fun_coeff_2 value="2.7"/>
        <energy_rate_fun_coeff_3 value="0"/>
        <power_fun_coeff_1 value="17180"/>
        <power_fun_coeff_2 value="0"/>
        <power_fun_coeff_3 value="0"/>
        <power_fun_coeff_4 value="0"/>
        <power_fun_coeff_5 value="0"/>
        <power_fun_coeff_6 value="0"/>
        <power_fun_coeff_7 value="0"/>
        <power_fun_coeff_8 value="0"/>
        <power_fun_coeff_9 value="0"/>
      </gasTurbine>
      <gasTurbine id="CS5_Nagornaya_D3">
        <energy_rate_fun_coeff_1 value="1500"/>
        <energy_rate_fun_coeff_2 value="2.7"/>
        <energy_rate_fun_coeff_3 value="0"/>
        <power_fun_coeff_1 value="17180"/>
        <power_fun_coeff_2 value="0"/>
        <power_fun_coeff_3 value="0"/>
        <power_fun_coeff_4 value="0"/>
        <power_fun_coeff_5 value="0"/>
        <power_fun_coeff_6 value="0"/>
        <power_fun_coeff_7 value="0"/>
        <power_fun_coeff_8 value="0"/>
        <power_fun_coeff_9 value="0"/>
      </gasTurbine>
      <gasTurbine id="CS5_Nagornaya_D4">
        <energy_rate_fun_coeff_1 value="1500"/>
        <energy_rate_fun_coeff_2 value="2.7"/>
        <energy_rate_fun_coeff_3 value="0"/>
        <power_fun_coeff_1 value="17180"/>
        <power_fun_coeff_2 value="0"/>
        <power_fun_coeff_3 value="0"/>
        <power_fun_coeff_4 value="0"/>
        <power_fun_coeff_5 value="0"/>
        <power_fun_coeff_6 value="0"/>
        <power_fun_coeff_7 value="0"/>
        <power_fun_coeff_8 value="0"/>
        <power_fun_coeff_9 value="0"/>
      </gasTurbine>
    </drives>
    <configurations>
      <configuration confId="2x2" nrOfSerialStages="2">
        <stage stageNr="1" nrOfParallelUnits="2">
          <compressor id="CS5_Nagornaya_U1" nominalSpeed="10000"/>
          <compressor id="CS5_Nagornaya_U2" nominalSpeed="10000"/>
        </stage>
        <stage stageNr="2" nrOfParallelUnits="2">
          <compressor id="CS5_Nagornaya_U3" nominalSpeed="10000"/>
          <compressor id="CS5_Nagornaya_U4" nominalSpeed="10000"/>
        </stage>
      </configuration>
      <configuration confId="2x1" nrOfSerialStages="2">
        <stage stageNr="1" nrOfParallelUnits="1">
          <compressor id="CS5_Nagornaya_U1" nominalSpeed="10000"/>
        </stage>
        <stage stageNr="2" nrOfParallelUnits="1">
          <compressor id="CS5_Nagornaya_U3" nominalSpeed="10000"/>
        </stage>
      </configuration>
      <configuration confId="1x2" nrOfSerialStages="1">
        <stage stageNr="1" nrOfParallelUnits="2">
          <compressor id="CS5_Nagornaya_U1" nominalSpeed="10000"/>
          <compressor id="CS5_Nagornaya_U2" nominalSpeed="10000"/>
        </stage>
      </configuration>
      <configuration confId="1x1" nrOfSerialStages="1">
        <stage stageNr="1" nrOfParallelUnits="1">
          <compressor id="CS5_Nagornaya_U1" nominalSpeed="10000"/>
        </stage>
      </configuration>
    </configurations>
  </compressorStation>
  <compressorStation id="CS6_Skovorodinskaya">
    <compressors>
      <turboCompressor drive="CS6_Skovorodinskaya_D1" id="CS6_Skovorodinskaya_U1">
        <speedMin value="5760" unit="per_min"/>
        <speedMax value="11600" unit="per_min"/>
        <n_isoline_coeff_1 value="-9.12494"/>
        <n_isoline_coeff_2 value="0.00210704"/>
        <n_isoline_coeff_3 value="6.98108e-08"/>
        <n_isoline_coeff_4 value="2.53381295"/>
        <n_isoline_coeff_5 value="-2.8501199e-05"/>
        <n_isoline_coeff_6 value="3.20661871e-08"/>
        <n_isoline_coeff_7 value="-0.607582998"/>
        <n_isoline_coeff_8 value="3.80783143e-05"/>
        <n_isoline_coeff_9 value="-2.018115e-09"/>
        <eta_ad_isoline_coeff_1 value="1.30314"/>
        <eta_ad_isoline_coeff_2 value="-0.000270759"/>
        <eta_ad_isoline_coeff_3 value="1.36317e-08"/>
        <eta_ad_isoline_coeff_4 value="0.088458753"/>
        <eta_ad_isoline_coeff_5 value="4.87947242e-05"/>
        <eta_ad_isoline_coeff_6 value="-3.65647482e-09"/>
        <eta_ad_isoline_coeff_7 value="-0.0444829748"/>
        <eta_ad_isoline_coeff_8 value="3.55946035e-06"/>
        <eta_ad_isoline_coeff_9 value="-3.64793633e-11"/>
        <surgeline_coeff_1 value="-77.6315"/>
        <surgeline_coeff_2 value="28.3671463"/>
        <surgeline_coeff_3 value="-1.42107896"/>
        <chokeline_coeff_1 value="0.168264"/>
        <chokeline_coeff_2 value="-0.0547640288"/>
        <chokeline_coeff_3 value="0.142616842"/>
      </turboCompressor>
      <turboCompressor drive="CS6_Skovorodinskaya_D2" id="CS6_Skovorodinskaya_U2">
        <speedMin value="5760" unit="per_min"/>
        <speedMax value="11600" unit="per_min"/>
        <n_isoline_coeff_1 value="-9.12494"/>
        <n_isoline_coeff_2 value="0.00210704"/>
        <n_isoline_coeff_3 value="6.98108e-08"/>
        <n_isoline_coeff_4 value="2.53381295"/>
        <n_isoline_coeff_5 value="-2.8501199e-05"/>
        <n_isoline_coeff_6 value="3.20661871e-08"/>
        <n_isoline_coeff_7 value="-0.607582998"/>
        <n_isoline_coeff_8 value="3.80783143e-05"/>
        <n_isoline_coeff_9 value="-2.018115e-09"/>
        <eta_ad_isoline_coeff_1 value="1.30314"/>
        <eta_ad_isoline_coeff_2 value="-0.000270759"/>
        <eta_ad_isoline_coeff_3 value="1.36317e-08"/>
        <eta_ad_isoline_coeff_4 value="0.088458753"/>
        <eta_ad_isoline_coeff_5 value="4.87947242e-05"/>
        <eta_ad_isoline_coeff_6 value="-3.65647482e-09"/>
        <eta_ad_isoline_coeff_7 value="-0.0444829748"/>
        <eta_ad_isoline_coeff_8 value="3.55946035e-06"/>
        <eta_ad_isoline_coeff_9 value="-3.64793633e-11"/>
        <surgeline_coeff_1 value="-77.6315"/>
        <surgeline_coeff_2 value="28.3671463"/>
        <surgeline_coeff_3 value="-1.42107896"/>
        <chokeline_coeff_1 value="0.168264"/>
        <chokeline_coeff_2 value="-0.0547640288"/>
        <chokeline_coeff_3 value="0.142616842"/>
      </turboCompressor>
      <turboCompressor drive="CS6_Skovorodinskaya_D3" id="CS6_Skovorodinskaya_U3">
        <speedMin value="5760" unit="per_min"/>
        <speedMax value="11600" unit="per_min"/>
        <n_isoline_coeff_1 value="-9.12494"/>
        <n_isoline_coeff_2 value="0.00210704"/>
        <n_isoline_coeff_3 value="6.98108e-08"/>
        <n_isoline_coeff_4 value="2.53381295"/>
        <n_isoline_coeff_5 value="-2.8501199e-05"/>
        <n_isoline_coeff_6 value="3.20661871e-08"/>
        <n_isoline_coeff_7 value="-0.607582998"/>
        <n_isoline_coeff_8 value="3.80783143e-05"/>
        <n_isoline_coeff_9 value="-2.018115e-09"/>
        <eta_ad_isoline_coeff_1 value="1.30314"/>
        <eta_ad_isoline_coeff_2 value="-0.000270759"/>
        <eta_ad_isoline_coeff_3 value="1.36317e-08"/>
        <eta_ad_isoline_coeff_4 value="0.088458753"/>
        <eta_ad_isoline_coeff_5 value="4.87947242e-05"/>
        <eta_ad_isoline_coeff_6 value="-3.65647482e-09"/>
        <eta_ad_isoline_coeff_7 value="-0.0444829748"/>
        <eta_ad_isoline_coeff_8 value="3.55946035e-06"/>
        <eta_ad_isoline_coeff_9 value="-3.64793633e-11"/>
        <surgeline_coeff_1 value="-77.6315"/>
        <surgeline_coeff_2 value="28.3671463"/>
        <surgeline_coeff_3 value="-1.42107896"/>
        <chokeline_coeff_1 value="0.168264"/>
        <chokeline_coeff_2 value="-0.0547640288"/>
        <chokeline_coeff_3 value="0.142616842"/>
      </turboCompressor>
      <turboCompressor drive="CS6_Skovorodinskaya_D4" id="CS6_Skovorodinskaya_U4">
        <speedMin value="5760" unit="per_min"/>
        <speedMax value="11600" unit="per_min"/>
        <n_isoline_coeff_1 value="-9.12494"/>
        <n_isoline_coeff_2 value="0.00210704"/>
        <n_isoline_coeff_3 value="6.98108e-08"/>
        <n_isoline_coeff_4 value="2.53381295"/>
        <n_isoline_coeff_5 value="-2.8501199e-05"/>
        <n_isoline_coeff_6 value="3.20661871e-08"/>
        <n_isoline_coeff_7 value="-0.607582998"/>
        <n_isoline_coeff_8 value="3.80783143e-05"/>
        <n_isoline_coeff_9 value="-2.018115e-09"/>
        <eta_ad_isoline_coeff_1 value="1.30314"/>
        <eta_ad_isoline_coeff_2 value="-0.000270759"/>
        <eta_ad_isoline_coeff_3 value="1.36317e-08"/>
        <eta_ad_isoline_coeff_4 value="0.088458753"/>
        <eta_ad_isoline_coeff_5 value="4.87947242e-05"/>
        <eta_ad_isoline_coeff_6 value="-3.65647482e-09"/>
        <eta_ad_isoline_coeff_7 value="-0.0444829748"/>
        <eta_ad_isoline_coeff_8 value="3.55946035e-06"/>
        <eta_ad_isoline_coeff_9 value="-3.64793633e-11"/>
        <surgeline_coeff_1 value="-77.6315"/>
        <surgeline_coeff_2 value="28.3671463"/>
        <surgeline_coeff_3 value="-1.42107896"/>
        <chokeline_coeff_1 value="0.168264"/>
        <chokeline_coeff_2 value="-0.0547640288"/>
        <chokeline_coeff_3 value="0.142616842"/>
      </turboCompressor>
    </compressors>
    <drives>
      <gasTurbine id="CS6_Skovorodinskaya_D1">
        <energy_rate_fun_coeff_1 value="1500"/>
        <energy_rate_fun_coeff_2 value="2.7"/>
        <energy_rate_fun_coeff_3 value="0"/>
        <power_fun_coeff_1 value="17180"/>
        <power_fun_coeff_2 value="0"/>
        <power_fun_coeff_3 value="0"/>
        <power_fun_coeff_4 value="0"/>
        <power_fun_coeff_5 value="0"/>
        <power_fun_coeff_6 value="0"/>
        <power_fun_coeff_7 value="0"/>
        <power_fun_coeff_8 value="0"/>
        <power_fun_coeff_9 value="0"/>
      </gasTurbine>
      <gasTurbine id="CS6_Skovorodinskaya_D2">
        <energy_rate_fun_coeff_1 value="1500"/>
        <energy_rate_fun_coeff_2 value="2.7"/>
        <energy_rate_fun_coeff_3 value="0"/>
        <power_fun_coeff_1 value="17180"/>
        <power_fun_coeff_2 value="0"/>
        <power_fun_coeff_3 value="0"/>
        <power_fun_coeff_4 value="0"/>
        <power_fun_coeff_5 value="0"/>
        <power_fun_coeff_6 value="0"/>
        <power_fun_coeff_7 value="0"/>
        <power_fun_coeff_8 value="0"/>
        <power_fun_coeff_9 value="0"/>
      </gasTurbine>
      <gasTurbine id="CS6_Skovorodinskaya_D3">
        <energy_rate_fun_coeff_1 value="1500"/>
        <energy_rate_fun_coeff_2 value="2.7"/>
        <energy_rate_fun_coeff_3 value="0"/>
        <power_fun_coeff_1 value="17180"/>
        <power_fun_coeff_2 value="0"/>
        <power_fun_coeff_3 value="0"/>
        <power_fun_coeff_4 value="0"/>
        <power_fun_coeff_5 value="0"/>
        <power_fun_coeff_6 value="0"/>
        <power_fun_coeff_7 value="0"/>
        <power_fun_coeff_8 value="0"/>
        <power_fun_coeff_9 value="0"/>
      </gasTurbine>
      <gasTurbine id="CS6_Skovorodinskaya_D4">
        <energy_rate_fun_coeff_1 value="1500"/>
        <energy_rate_fun_coeff_2 value="2.7"/>
        <energy_rate_fun_coeff_3 value="0"/>
        <power_fun_coeff_1 value="17180"/>
        <power_fun_coeff_2 value="0"/>
        <power_fun_coeff_3 value="0"/>
        <power_fun_coeff_4 value="0"/>
        <power_fun_coeff_5 value="0"/>
        <power_fun_coeff_6 value="0"/>
        <power_fun_coeff_7 value="0"/>
        <power_fun_coeff_8 value="0"/>
        <power_fun_coeff_9 value="0"/>
      </gasTurbine>
    </drives>
    <configurations>
      <configuration confId="2x2" nrOfSerialStages="2">
        <stage stageNr="1" nrOfParallelUnits="2">
          <compressor id="CS6_Skovorodinskaya_U1" nominalSpeed="10000"/>
          <compressor id="CS6_Skovorodinskaya_U2" nominalSpeed="10000"/>
        </stage>
        <stage stageNr="2" nrOfParallelUnits="2">
          <compressor id="CS6_Skovorodinskaya_U3" nominalSpeed="10000"/>
          <compressor id="CS6_Skovorodinskaya_U4" nominalSpeed="10000"/>
        </stage>
      </configuration>
      <configuration confId="2x1" nrOfSerialStages="2">
        <stage stageNr="1" nrOfParallelUnits="1">
          <compressor id="CS6_Skovorodinskaya_U1" nominalSpeed="10000"/>
        </stage>
        <stage stageNr="2" nrOfParallelUnits="1">
          <compressor id="CS6_Skovorodinskaya_U3" nominalSpeed="10000"/>
        </stage>
      </configuration>
      <configuration confId="1x2" nrOfSerialStages="1">
        <stage stageNr="1" nrOfParallelUnits="2">
          <compressor id="CS6_Skovorodinskaya_U1" nominalSpeed="10000"/>
          <compressor id="CS6_Skovorodinskaya_U2" nominalSpeed="10000"/>
        </stage>
      </configuration>
      <configuration confId="1x1" nrOfSerialStages="1">
        <stage stageNr="1" nrOfParallelUnits="1">
          <compressor id="CS6_Skovorodinskaya_U1" nominalSpeed="10000"/>
        </stage>
      </configuration>
    </configurations>
  </compressorStation>
  <compressorStation id="CS7_Sivakinskaya">
    <compressors>
      <turboCompressor drive="CS7_Sivakinskaya_D1" id="CS7_Sivakinskaya_U1">
        <speedMin value="5760" unit="per_min"/>
        <speedMax value="11600" unit="per_min"/>
        <n_isoline_coeff_1 value="-9.12494"/>
        <n_isoline_coeff_2 value="0.00210704"/>
        <n_isoline_coeff_3 value="6.98108e-08"/>
        <n_isoline_coeff_4 value="2.53381295"/>
        <n_isoline_coeff_5 value="-2.8501199e-05"/>
        <n_isoline_coeff_6 value="3.20661871e-08"/>
        <n_isoline_coeff_7 value="-0.607582998"/>
        <n_isoline_coeff_8 value="3.80783143e-05"/>
        <n_isoline_coeff_9 value="-2.018115e-09"/>
        <eta_ad_isoline_coeff_1 value="1.30314"/>
        <eta_ad_isoline_coeff_2 value="-0.000270759"/>
        <eta_ad_isoline_coeff_3 value="1.36317e-08"/>
        <eta_ad_isoline_coeff_4 value="0.088458753"/>
        <eta_ad_isoline_coeff_5 value="4.87947242e-05"/>
        <eta_ad_isoline_coeff_6 value="-3.65647482e-09"/>
        <eta_ad_isoline_coeff_7 value="-0.0444829748"/>
        <eta_ad_isoline_coeff_8 value="3.55946035e-06"/>
        <eta_ad_isoline_coeff_9 value="-3.64793633e-11"/>
        <surgeline_coeff_1 value="-77.6315"/>
        <surgeline_coeff_2 value="28.3671463"/>
        <surgeline_coeff_3 value="-1.42107896"/>
        <chokeline_coeff_1 value="0.168264"/>
        <chokeline_coeff_2 value="-0.0547640288"/>
        <chokeline_coeff_3 value="0.142616842"/>
      </turboCompressor>
      <turboCompressor drive="CS7_Sivakinskaya_D2" id="CS7_Sivakinskaya_U2">
        <speedMin value="5760" unit="per_min"/>
        <speedMax value="11600" unit="per_min"/>
        <n_isoline_coeff_1 value="-9.12494"/>
        <n_isoline_coeff_2 value="0.00210704"/>
        <n_isoline_coeff_3 value="6.98108e-08"/>
        <n_isoline_coeff_4 value="2.53381295"/>
        <n_isoline_coeff_5 value="-2.8501199e-05"/>
        <n_isoline_coeff_6 value="3.20661871e-08"/>
        <n_isoline_coeff_7 value="-0.607582998"/>
        <n_isoline_coeff_8 value="3.80783143e-05"/>
        <n_isoline_coeff_9 value="-2.018115e-09"/>
        <eta_ad_isoline_coeff_1 value="1.30314"/>
        <eta_ad_isoline_coeff_2 value="-0.000270759"/>
        <eta_ad_isoline_coeff_3 value="1.36317e-08"/>
        <eta_ad_isoline_coeff_4 value="0.088458753"/>
        <eta_ad_isoline_coeff_5 value="4.87947242e-05"/>
        <eta_ad_isoline_coeff_6 value="-3.65647482e-09"/>
        <eta_ad_isoline_coeff_7 value="-0.0444829748"/>
        <eta_ad_isoline_coeff_8 value="3.55946035e-06"/>
        <eta_ad_isoline_coeff_9 value="-3.64793633e-11"/>
        <surgeline_coeff_1 value="-77.6315"/>
        <surgeline_coeff_2 value="28.3671463"/>
        <surgeline_coeff_3 value="-1.42107896"/>
        <chokeline_coeff_1 value="0.168264"/>
        <chokeline_coeff_2 value="-0.0547640288"/>
        <chokeline_coeff_3 value="0.142616842"/>
      </turboCompressor>
      <turboCompressor drive="CS7_Sivakinskaya_D3" id="CS7_Sivakinskaya_U3">
        <speedMin value="5760" unit="per_min"/>
        <speedMax value="11600" unit="per_min"/>
        <n_isoline_coeff_1 value="-9.12494"/>
        <n_isoline_coeff_2 value="0.00210704"/>
        <n_isoline_coeff_3 value="6.98108e-08"/>
        <n_isoline_coeff_4 value="2.53381295"/>
        <n_isoline_coeff_5 value="-2.8501199e-05"/>
        <n_isoline_coeff_6 value="3.20661871e-08"/>
        <n_isoline_coeff_7 value="-0.607582998"/>
        <n_isoline_coeff_8 value="3.80783143e-05"/>
        <n_isoline_coeff_9 value="-2.018115e-09"/>
        <eta_ad_isoline_coeff_1 value="1.30314"/>
        <eta_ad_isoline_coeff_2 value="-0.000270759"/>
        <eta_ad_isoline_coeff_3 value="1.36317e-08"/>
        <eta_ad_isoline_coeff_4 value="0.088458753"/>
        <eta_ad_isoline_coeff_5 value="4.87947242e-05"/>
        <eta_ad_isoline_coeff_6 value="-3.65647482e-09"/>
        <eta_ad_isoline_coeff_7 value="-0.0444829748"/>
        <eta_ad_isoline_coeff_8 value="3.55946035e-06"/>
        <eta_ad_isoline_coeff_9 value="-3.64793633e-11"/>
        <surgeline_coeff_1 value="-77.6315"/>
        <surgeline_coeff_2 value="28.3671463"/>
        <surgeline_coeff_3 value="-1.42107896"/>
        <chokeline_coeff_1 value="0.168264"/>
        <chokeline_coeff_2 value="-0.0547640288"/>
        <chokeline_coeff_3 value="0.142616842"/>
      </turboCompressor>
      <turboCompressor drive="CS7_Sivakinskaya_D4" id="CS7_Sivakinskaya_U4">
        <speedMin value="5760" unit="per_min"/>
        <speedMax value="11600" unit="per_min"/>
        <n_isoline_coeff_1 value="-9.12494"/>
        <n_isoline_coeff_2 value="0.00210704"/>
        <n_isoline_coeff_3 value="6.98108e-08"/>
        <n_isoline_coeff_4 value="2.53381295"/>
        <n_isoline_coeff_5 value="-2.8501199e-05"/>
        <n_isoline_coeff_6 value="3.20661871e-08"/>
        <n_isoline_coeff_7 value="-0.607582998"/>
        <n_isoline_coeff_8 value="3.80783143e-05"/>
        <n_isoline_coeff_9 value="-2.018115e-09"/>
        <eta_ad_isoline_coeff_1 value="1.30314"/>
        <eta_ad_isoline_coeff_2 value="-0.000270759"/>
        <eta_ad_isoline_coeff_3 value="1.36317e-08"/>
        <eta_ad_isoline_coeff_4 value="0.088458753"/>
        <eta_ad_isoline_coeff_5 value="4.87947242e-05"/>
        <eta_ad_isoline_coeff_6 value="-3.65647482e-09"/>
        <eta_ad_isoline_coeff_7 value="-0.0444829748"/>
        <eta_ad_isoline_coeff_8 value="3.55946035e-06"/>
        <eta_ad_isoline_coeff_9 value="-3.64793633e-11"/>
        <surgeline_coeff_1 value="-77.6315"/>
        <surgeline_coeff_2 value="28.3671463"/>
        <surgeline_coeff_3 value="-1.42107896"/>
        <chokeline_coeff_1 value="0.168264"/>
        <chokeline_coeff_2 value="-0.0547640288"/>
        <chokeline_coeff_3 value="0.142616842"/>
      </turboCompressor>
    </compressors>
    <drives>
      <gasTurbine id="CS7_Sivakinskaya_D1">
        <energy_rate_fun_coeff_1 value="1500"/>
        <energy_rate_fun_coeff_2 value="2.7"/>
        <energy_rate_fun_coeff_3 value="0"/>
        <power_fun_coeff_1 value="17180"/>
        <power_fun_coeff_2 value="0"/>
        <power_fun_coeff_3 value="0"/>
        <power_fun_coeff_4 value="0"/>
        <power_fun_coeff_5 value="0"/>
        <power_fun_coeff_6 value="0"/>
        <power_fun_coeff_7 value="0"/>
        <power_fun_coeff_8 value="0"/>
        <power_fun_coeff_9 value="0"/>
      </gasTurbine>
      <gasTurbine id="CS7_Sivakinskaya_D2">
        <energy_rate_fun_coeff_1 value="1500"/>
        <energy_rate_fun_coeff_2 value="2.7"/>
        <energy_rate_fun_coeff_3 value="0"/>
        <power_fun_coeff_1 value="17180"/>
        <power_fun_coeff_2 value="0"/>
        <power_fun_coeff_3 value="0"/>
        <power_fun_coeff_4 value="0"/>
        <power_fun_coeff_5 value="0"/>
        <power_fun_coeff_6 value="0"/>
        <power_fun_coeff_7 value="0"/>
        <power_fun_coeff_8 value="0"/>
        <power_fun_coeff_9 value="0"/>
      </gasTurbine>
      <gasTurbine id="CS7_Sivakinskaya_D3">
        <energy_rate_fun_coeff_1 value="1500"/>
        <energy_rate_fun_coeff_2 value="2.7"/>
        <energy_rate_fun_coeff_3 value="0"/>
        <power_fun_coeff_1 value="17180"/>
        <power_fun_coeff_2 value="0"/>
        <power_fun_coeff_3 value="0"/>
        <power_fun_coeff_4 value="0"/>
        <power_fun_coeff_5 value="0"/>
        <power_fun_coeff_6 value="0"/>
        <power_fun_coeff_7 value="0"/>
        <power_fun_coeff_8 value="0"/>
        <power_fun_coeff_9 value="0"/>
      </gasTurbine>
      <gasTurbine id="CS7_Sivakinskaya_D4">
        <energy_rate_fun_coeff_1 value="1500"/>
        <energy_rate_fun_coeff_2 value="2.7"/>
        <energy_rate_fun_coeff_3 value="0"/>
        <power_fun_coeff_1 value="17180"/>
        <power_fun_coeff_2 value="0"/>
        <power_fun_coeff_3 value="0"/>
        <power_fun_coeff_4 value="0"/>
        <power_fun_coeff_5 value="0"/>
        <power_fun_coeff_6 value="0"/>
        <power_fun_coeff_7 value="0"/>
        <power_fun_coeff_8 value="0"/>
        <power_fun_coeff_9 value="0"/>
      </gasTurbine>
    </drives>
    <configurations>
      <configuration confId="2x2" nrOfSerialStages="2">
        <stage stageNr="1" nrOfParallelUnits="2">
          <compressor id="CS7_Sivakinskaya_U1" nominalSpeed="10000"/>
          <compressor id="CS7_Sivakinskaya_U2" nominalSpeed="10000"/>
        </stage>
        <stage stageNr="2" nrOfParallelUnits="2">
          <compressor id="CS7_Sivakinskaya_U3" nominalSpeed="10000"/>
          <compressor id="CS7_Sivakinskaya_U4" nominalSpeed="10000"/>
        </stage>
      </configuration>
      <configuration confId="2x1" nrOfSerialStages="2">
        <stage stageNr="1" nrOfParallelUnits="1">
          <compressor id="CS7_Sivakinskaya_U1" nominalSpeed="10000"/>
        </stage>
        <stage stageNr="2" nrOfParallelUnits="1">
          <compressor id="CS7_Sivakinskaya_U3" nominalSpeed="10000"/>
        </stage>
      </configuration>
      <configuration confId="1x2" nrOfSerialStages="1">
        <stage stageNr="1" nrOfParallelUnits="2">
          <compressor id="CS7_Sivakinskaya_U1" nominalSpeed="10000"/>
          <compressor id="CS7_Sivakinskaya_U2" nominalSpeed="10000"/>
        </stage>
      </configuration>
      <configuration confId="1x1" nrOfSerialStages="1">
        <stage stageNr="1" nrOfParallelUnits="1">
          <compressor id="CS7_Sivakinskaya_U1" nominalSpeed="10000"/>
        </stage>
      </configuration>
    </configurations>
  </compressorStation>
</compressorStations>
