// Draws the report's charts from the JSON in #report-data with ECharts (inlined above). Each chart's element gets
// data-points, the number of values drawn, once ECharts has finished rendering it: tests read it from the page.
(function () {
  'use strict';
  var data = JSON.parse(document.getElementById('report-data').textContent);

  function draw(id, option, points) {
    var element = document.getElementById(id);
    if (points === 0) {
      element.textContent = element.getAttribute('data-empty') || 'No data for this chart.';
      element.className += ' empty';
      element.setAttribute('data-points', '0');
      return;
    }
    var chart = echarts.init(element, null, {renderer: 'canvas'});
    chart.on('finished', function () {
      element.setAttribute('data-points', String(points));
    });
    option.animation = false;
    option.tooltip = option.tooltip || {trigger: 'axis'};
    option.grid = {left: 70, right: 80, top: 40, bottom: 40};
    chart.setOption(option);
  }

  function count(values) {
    return values.filter(function (v) { return v !== null && v !== undefined; }).length;
  }

  function band(name, lows, highs, color) {
    // A range as two stacked lines: the lower one invisible, the difference filled.
    return [
      {name: name, type: 'line', stack: name, data: lows, symbol: 'none', lineStyle: {opacity: 0}},
      {name: name, type: 'line', stack: name, symbol: 'none', lineStyle: {opacity: 0},
        areaStyle: {color: color, opacity: 0.25},
        data: highs.map(function (h, i) { return h === null ? null : h - lows[i]; })}
    ];
  }

  var money = {type: 'value', axisLabel: {formatter: function (v) { return '$' + v; }}};
  // Hours are UTC in the data; the axis names days, as the other charts do.
  var hourAxis = {type: 'time', axisLabel: {formatter: '{yyyy}-{MM}-{dd}'}};

  // Cost per day: what each day cost, then the line's cost for each day to come with its 90% interval.
  (function () {
    var days = data.days.map(function (d) { return d.day; });
    var future = data.forecast ? data.forecast.days : [];
    future.forEach(function (d) { if (days.indexOf(d.day) < 0) { days.push(d.day); } });
    var actual = days.map(function (day) {
      var d = data.days.find(function (x) { return x.day === day; });
      return d && !data.forecastDays[day] ? d.cost : null;
    });
    var today = days.map(function (day) {
      var d = data.days.find(function (x) { return x.day === day; });
      return d && data.forecastDays[day] ? d.cost : null;
    });
    var pick = function (key) {
      return days.map(function (day) { var f = data.forecastDays[day]; return f ? f.cost[key] : null; });
    };
    draw('cost-per-day', {
      legend: {},
      xAxis: {type: 'category', data: days},
      yAxis: money,
      series: [
        {name: 'cost', type: 'bar', data: actual, itemStyle: {color: '#3b6ea5'}},
        {name: 'today so far', type: 'bar', data: today, itemStyle: {color: '#9db7d5'}},
        {name: 'forecast', type: 'line', data: pick('central'), lineStyle: {type: 'dashed'}, itemStyle: {color: '#c0504d'}}
      ].concat(band('90% range', pick('low'), pick('high'), '#c0504d'))
    }, count(actual) + count(today) + count(pick('central')));
  })();

  // The month so far and where it is heading, against the budget.
  (function () {
    var m = data.month;
    var days = [];
    for (var d = 1; d <= m.lengthOfMonth; d++) { days.push(m.prefix + (d < 10 ? '0' : '') + d); }
    var running = 0;
    var actual = days.map(function (day) {
      if (day > m.asOf) { return null; }
      var found = data.days.find(function (x) { return x.day === day; });
      running += found && found.cost !== null ? found.cost : 0;
      return running;
    });
    var pick = function (key) {
      return days.map(function (day) { var f = data.forecastDays[day]; return f ? f.monthThrough[key] : null; });
    };
    var series = [
      {name: 'month to date', type: 'line', data: actual, itemStyle: {color: '#3b6ea5'}},
      {name: 'forecast', type: 'line', data: pick('central'), lineStyle: {type: 'dashed'}, itemStyle: {color: '#c0504d'}}
    ].concat(band('90% range', pick('low'), pick('high'), '#c0504d'));
    if (data.budget !== null) {
      series[0].markLine = {symbol: 'none', data: [{yAxis: data.budget, name: 'budget'}],
        label: {formatter: 'budget $' + data.budget}, lineStyle: {color: '#8b0000'}};
    }
    draw('month-forecast', {legend: {}, xAxis: {type: 'category', data: days}, yAxis: money, series: series},
      count(actual) + count(pick('central')));
  })();

  // Tokens per post, hour by hour.
  (function () {
    var points = data.hours.filter(function (h) { return h.tokensPerPost !== null; })
      .map(function (h) { return [h.hour, h.tokensPerPost]; });
    draw('tokens-per-post', {
      xAxis: hourAxis, yAxis: {type: 'value', name: 'tokens / post'},
      series: [{name: 'tokens per post', type: 'line', data: points, itemStyle: {color: '#4f8a3c'}}]
    }, points.length);
  })();

  // Cost by model, a bar segment per service tier.
  (function () {
    var models = [];
    var tiers = [];
    data.modelTiers.forEach(function (r) {
      if (models.indexOf(r.model) < 0) { models.push(r.model); }
      if (tiers.indexOf(r.tier) < 0) { tiers.push(r.tier); }
    });
    var drawn = 0;
    var series = tiers.map(function (tier) {
      return {name: tier, type: 'bar', stack: 'cost', data: models.map(function (model) {
        var r = data.modelTiers.find(function (x) { return x.model === model && x.tier === tier; });
        if (r && r.cost !== null) { drawn++; return r.cost; }
        return null;
      })};
    });
    draw('cost-by-model-tier', {legend: {}, xAxis: {type: 'category', data: models}, yAxis: money, series: series},
      drawn);
  })();

  // Call duration percentiles, hour by hour.
  (function () {
    var line = function (key) {
      return data.hours.filter(function (h) { return h[key] !== null; }).map(function (h) { return [h.hour, h[key]]; });
    };
    var p50 = line('p50');
    draw('latency', {
      legend: {}, xAxis: hourAxis, yAxis: {type: 'value', name: 'ms'},
      series: [{name: 'p50', type: 'line', data: p50}, {name: 'p90', type: 'line', data: line('p90')},
        {name: 'p99', type: 'line', data: line('p99')}]
    }, p50.length + line('p90').length + line('p99').length);
  })();

  // Records' outcomes, day by day, from the summaries.
  (function () {
    var withOutcomes = data.days.filter(function (d) { return d.outcomes !== null; });
    var days = withOutcomes.map(function (d) { return d.day; });
    var series = ['scored', 'unscored', 'invalid', 'handedBack'].map(function (key) {
      return {name: key === 'handedBack' ? 'handed back' : key, type: 'bar', stack: 'records',
        data: withOutcomes.map(function (d) { return d.outcomes[key]; })};
    });
    draw('outcomes', {legend: {}, xAxis: {type: 'category', data: days}, yAxis: {type: 'value', name: 'records'},
      series: series}, withOutcomes.length * series.length);
  })();
})();
