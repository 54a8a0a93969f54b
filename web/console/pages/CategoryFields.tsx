// 内容分类 and, when the province's dictionary has any below the chosen category, 细分类 (a second
// or third level, GET /api/v1/categories/dictionary) on the registration form. A new category
// clears a 细分类 that belonged to the old one.
import { Form, type FormInstance, Select } from 'antd';
import { useEffect } from 'react';
import { firstLevelOf, subcategoryChoices } from '../../../src/domain/admin/categories.ts';
import { CONTENT_CATEGORIES } from '../../../src/domain/categories.ts';
import { useCategoryDictionary } from '../categoryDictionary.ts';

export function CategoryFields({ form }: { form: FormInstance }) {
  const category = Form.useWatch('categoryCode', form) as string | undefined;
  const dictionary = useCategoryDictionary();
  const choices = category ? subcategoryChoices(dictionary.data?.entries ?? [], category) : [];
  useEffect(() => {
    const sub = form.getFieldValue('subcategoryCode') as string | undefined;
    if (sub && firstLevelOf(sub) !== category) form.setFieldValue('subcategoryCode', undefined);
  }, [category, form]);
  return (
    <>
      <Form.Item label="内容分类" name="categoryCode" extra="可采用上方的分类建议">
        <Select
          allowClear
          showSearch
          optionFilterProp="label"
          placeholder="请选择内容分类"
          style={{ maxWidth: 320 }}
          options={CONTENT_CATEGORIES.map((c) => ({ value: c.code, label: c.name, title: c.description }))}
        />
      </Form.Item>
      {choices.length > 0 ? (
        <Form.Item label="细分类" name="subcategoryCode" extra="可选：二、三级分类，由省级管理员维护">
          <Select
            allowClear
            showSearch
            optionFilterProp="label"
            placeholder="请选择二、三级分类"
            style={{ maxWidth: 320 }}
            options={choices.map((c) => ({ value: c.code, label: c.label }))}
          />
        </Form.Item>
      ) : null}
    </>
  );
}
