// Login page of the foundation: staff (username + password) and citizens (phone + SMS code).
const $ = (id) => document.getElementById(id);
const message = (text) => {
  $('message').textContent = text;
};

async function api(path, body) {
  const csrf = document.cookie.match(/(?:^|; )xf_csrf=([^;]+)/)?.[1];
  const res = await fetch(path, {
    method: body === undefined ? 'GET' : 'POST',
    headers: {
      'content-type': 'application/json',
      ...(csrf ? { 'x-csrf-token': decodeURIComponent(csrf) } : {}),
    },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const data = await res.json().catch(() => ({}));
  if (!res.ok) throw new Error(data.error?.message ?? `请求失败（${res.status}）`);
  return data;
}

function selectTab(which) {
  for (const t of ['staff', 'citizen']) {
    $(`tab-${t}`).setAttribute('aria-selected', String(t === which));
    $(`${t}-form`).hidden = t !== which;
  }
  message('');
}

function showMe(user) {
  $('login-view').hidden = true;
  $('me-view').hidden = false;
  const rows = [
    ['姓名', user.displayName],
    ['角色', user.roleName],
    ['单位', user.unit?.name ?? '—'],
    ['数据范围', user.jurisdiction?.name ?? '本人信访事项'],
  ];
  $('me').replaceChildren(
    ...rows.flatMap(([k, v]) => {
      const dt = document.createElement('dt');
      dt.textContent = k;
      const dd = document.createElement('dd');
      dd.textContent = v;
      return [dt, dd];
    }),
  );
}

$('tab-staff').onclick = () => selectTab('staff');
$('tab-citizen').onclick = () => selectTab('citizen');

$('staff-form').onsubmit = async (e) => {
  e.preventDefault();
  try {
    const id = $('username').value.trim();
    // The demo citizen logs in here with phone + password; staff with their username.
    const who = /^1\d{10}$/.test(id) ? { phone: id } : { username: id };
    const r = await api('/api/v1/auth/login', { ...who, password: $('password').value });
    showMe(r.user);
  } catch (err) {
    message(err.message);
  }
};

$('citizen-form').onsubmit = async (e) => {
  e.preventDefault();
  try {
    const r = await api('/api/v1/auth/login', {
      phone: $('phone').value.trim(),
      code: $('code').value.trim(),
    });
    showMe(r.user);
  } catch (err) {
    message(err.message);
  }
};

$('send-code').onclick = async () => {
  try {
    await api('/api/v1/auth/sms-code', { phone: $('phone').value.trim() });
    message('验证码已发送，请查收短信');
  } catch (err) {
    message(err.message);
  }
};

$('logout').onclick = async () => {
  await api('/api/v1/auth/logout', {}).catch(() => {});
  location.reload();
};

async function init() {
  try {
    // user null: nobody logged in (a 200, so the page logs no failed request).
    const me = await api('/api/v1/auth/session');
    if (me.user) {
      showMe(me.user);
      return;
    }
  } catch {
    // the server is unreachable: show the login form anyway
  }
  try {
    const demo = await api('/api/v1/auth/demo-accounts');
    $('demo').hidden = false;
    $('demo-password').textContent = demo.password;
    $('demo-rows').replaceChildren(
      ...demo.accounts.map((a) => {
        const tr = document.createElement('tr');
        const pick = document.createElement('button');
        pick.type = 'button';
        pick.textContent = a.username;
        pick.onclick = () => {
          selectTab('staff');
          $('username').value = a.username;
          $('password').value = demo.password;
        };
        const cells = [pick, a.roleName, a.unit ?? '信访人（手机号登录）'];
        for (const c of cells) {
          const td = document.createElement('td');
          if (typeof c === 'string') td.textContent = c;
          else td.append(c);
          tr.append(td);
        }
        return tr;
      }),
    );
  } catch {
    // not demo mode
  }
}
init();
